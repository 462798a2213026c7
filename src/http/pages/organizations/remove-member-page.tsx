import type { Member, Organization } from '../../../core/organizations/organization.js';
import { Button, ButtonLink } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

/** "Remove member?": a removal is asked once more, since it takes effect at once. */
export function RemoveMemberPage(props: { page: PageContext; organization: Organization; member: Member }) {
  const { page, organization, member } = props;
  const { t } = page;
  const back = `/organizations/${encodeURIComponent(organization.id)}`;
  return (
    <CardPage
      page={page}
      title={t('org.removeConfirm.title')}
      back={{ href: back, label: organization.name }}
    >
      <p class="card-text">
        {t('org.removeConfirm.text', { email: member.email, organization: organization.name })}
      </p>
      <PostForm
        action={`${back}/members/${encodeURIComponent(member.userId)}/remove`}
        csrfToken={page.csrfToken}
        class="actions"
      >
        <Button variant="danger">{t('org.removeConfirm.submit')}</Button>
        <ButtonLink href={back} variant="secondary">
          {t('org.cancel')}
        </ButtonLink>
      </PostForm>
    </CardPage>
  );
}
