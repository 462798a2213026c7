import { ButtonLink } from '../components/button.js';
import type { PageContext } from '../shared/page-context.js';

/** The security page's way to the organizations the user belongs to. */
export function OrganizationsLinkSection(props: { page: PageContext }) {
  const { t } = props.page;
  return (
    <section class="panel" aria-labelledby="organizations-heading">
      <h2 class="panel-title" id="organizations-heading">
        {t('orgs.title')}
      </h2>
      <div class="row-value">
        <span class="row-text">{t('orgs.link.text')}</span>
        <ButtonLink href="/organizations" variant="secondary">
          {t('orgs.open')}
        </ButtonLink>
      </div>
    </section>
  );
}
