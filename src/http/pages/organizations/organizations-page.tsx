import type { Membership } from '../../../core/organizations/organization.js';
import { Button } from '../components/button.js';
import { Fact, FactsItem } from '../components/fact.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { Layout } from '../shared/layout.js';
import type { PageContext } from '../shared/page-context.js';

/** "Organizations": the ones the user belongs to, and a form to create one. */
export function OrganizationsPage(props: {
  page: PageContext;
  memberships: Membership[];
  nameValue?: string | undefined;
  nameError?: string | undefined;
}) {
  const { page, memberships } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('orgs.title')} width="wide">
      <div class="page-head">
        <h1 class="page-title">{t('orgs.title')}</h1>
        <p class="page-lead">{t('orgs.intro')}</p>
      </div>
      <section class="panel" aria-labelledby="orgs-heading">
        <h2 class="panel-title visually-hidden" id="orgs-heading">
          {t('orgs.title')}
        </h2>
        {memberships.length === 0 ? (
          <p class="panel-text">{t('orgs.none')}</p>
        ) : (
          <ul class="item-list">
            {memberships.map((m) => (
              <FactsItem
                title={
                  <a href={`/organizations/${encodeURIComponent(m.organizationId)}`}>{m.organizationName}</a>
                }
              >
                <Fact label={t('orgs.yourRole')}>{t(`org.role.${m.role}`)}</Fact>
              </FactsItem>
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="create-heading">
        <h2 class="panel-title" id="create-heading">
          {t('orgs.create.heading')}
        </h2>
        <p class="panel-text">{t('orgs.create.intro')}</p>
        <PostForm action="/organizations" csrfToken={page.csrfToken} class="form">
          <FormField
            name="name"
            type="text"
            label={t('orgs.create.name')}
            autocomplete="organization"
            value={props.nameValue}
            error={props.nameError}
          />
          <div class="actions">
            <Button>{t('orgs.create.submit')}</Button>
          </div>
        </PostForm>
      </section>
    </Layout>
  );
}
