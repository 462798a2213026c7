import type { AuditRecord } from '../../../core/reports/audit-search.js';
import type { StaffRole } from '../../../core/types.js';
import { deviceLabel } from '../../../i18n/device-label.js';
import { Alert } from '../../pages/components/alert.js';
import { ButtonLink } from '../../pages/components/button.js';
import { LocalTime } from '../../pages/components/local-time.js';
import { auditSentence, isWarning } from '../../pages/security/audit-sentence.js';
import type { PageContext } from '../../pages/shared/page-context.js';
import { ConsoleLayout } from '../console-layout.js';
import { type AuditFormValues, auditFormQuery } from './audit-form.js';

export interface AuditPageProps {
  page: PageContext;
  role: StaffRole;
  values: AuditFormValues;
  organizations: Array<{ id: string; name: string }>;
  eventTypes: string[];
  events: AuditRecord[];
  nextCursor: string | null;
  /** Whether this is a later page (a cursor was given). */
  paged: boolean;
  problem?: 'badRange' | 'unknownUser' | undefined;
}

/** The operators' audit explorer: filters, one page of events, the way to older ones, the export. */
export function AuditPage(props: AuditPageProps) {
  const { page, values } = props;
  const { t } = page;
  return (
    <ConsoleLayout
      page={page}
      role={props.role}
      title={t('reports.audit.title')}
      lead={t('reports.audit.intro')}
    >
      <AuditFilters {...props} />
      {props.problem === 'badRange' && (
        <Alert kind="error" id="filter-problem">
          <p>{t('reports.audit.badRange')}</p>
        </Alert>
      )}
      {props.problem === 'unknownUser' && (
        <Alert kind="info">
          <p>{t('reports.audit.unknownUser')}</p>
        </Alert>
      )}
      <section class="panel" aria-labelledby="events-heading">
        <div class="panel-head report-head">
          <h2 class="panel-title" id="events-heading">
            {t('reports.audit.caption')}
          </h2>
          {!props.problem && (
            <ButtonLink href={`/console/audit.csv${auditFormQuery(values)}`} variant="secondary">
              {t('reports.audit.export')}
            </ButtonLink>
          )}
        </div>
        {!props.problem && <p class="panel-note">{t('reports.audit.exportHint')}</p>}
        {props.events.length === 0 ? (
          <p class="panel-text">{t('reports.audit.empty')}</p>
        ) : (
          <EventTable page={page} events={props.events} />
        )}
        {(props.nextCursor || props.paged) && (
          <nav class="report-pager" aria-label={t('reports.audit.caption')}>
            {props.paged && (
              <a href={`/console/audit${auditFormQuery(values)}`}>{t('reports.audit.newest')}</a>
            )}
            {props.nextCursor && (
              <a href={`/console/audit${auditFormQuery(values, { cursor: props.nextCursor })}`} rel="next">
                {t('reports.audit.older')}
              </a>
            )}
          </nav>
        )}
      </section>
    </ConsoleLayout>
  );
}

function AuditFilters(props: AuditPageProps) {
  const { page, values } = props;
  const { t } = page;
  const badRange = props.problem === 'badRange';
  return (
    <section class="panel" aria-labelledby="filters-heading">
      <h2 class="panel-title" id="filters-heading">
        {t('reports.audit.filters')}
      </h2>
      <form method="get" action="/console/audit" class="report-filters">
        <div class="field">
          <label class="field-label" for="filter-email">
            {t('reports.audit.email')}
          </label>
          <input
            class="field-input"
            id="filter-email"
            name="email"
            type="email"
            value={values.email}
            autocomplete="off"
            spellcheck={false}
            autocapitalize="none"
            maxlength={254}
          />
        </div>
        {props.organizations.length > 0 && (
          <div class="field">
            <label class="field-label" for="filter-organization">
              {t('reports.audit.organization')}
            </label>
            <select class="field-input" id="filter-organization" name="organization">
              <option value="">{t('reports.audit.anyOrganization')}</option>
              {props.organizations.map((o) => (
                <option value={o.id} selected={o.id === values.organization}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label class="field-label" for="filter-type">
            {t('reports.audit.type')}
          </label>
          <select class="field-input" id="filter-type" name="type">
            <option value="">{t('reports.audit.anyType')}</option>
            {props.eventTypes.map((type) => (
              <option value={type} selected={type === values.type}>
                {auditSentence(t, type)}
              </option>
            ))}
          </select>
        </div>
        {(['from', 'until'] as const).map((name) => (
          <div class={badRange ? 'field field-invalid' : 'field'}>
            <label class="field-label" for={`filter-${name}`}>
              {t(name === 'from' ? 'reports.audit.from' : 'reports.audit.until')}
            </label>
            <input
              class="field-input"
              id={`filter-${name}`}
              name={name}
              type="date"
              value={values[name]}
              aria-invalid={badRange ? 'true' : undefined}
              aria-describedby={badRange ? 'filter-problem' : undefined}
            />
          </div>
        ))}
        <div class="actions report-filter-actions">
          <button type="submit" class="button button-primary">
            {t('reports.audit.apply')}
          </button>
          <a class="button button-quiet" href="/console/audit">
            {t('reports.audit.clear')}
          </a>
        </div>
      </form>
    </section>
  );
}

function EventTable(props: { page: PageContext; events: AuditRecord[] }) {
  const { t, locale } = props.page;
  return (
    <div class="table-scroll">
      <table class="data-table report-compact report-events">
        <caption class="visually-hidden">{t('reports.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.audit.col.time')}</th>
            <th scope="col">{t('reports.audit.col.event')}</th>
            <th scope="col">{t('reports.audit.col.user')}</th>
            <th scope="col">{t('reports.audit.col.origin')}</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr class={isWarning(e.type) ? 'report-row-warning' : undefined}>
              <td>
                <LocalTime locale={locale} at={e.at} />
              </td>
              <td>
                <span class="report-event">{auditSentence(t, e.type)}</span>
                <span class="report-code mono">{e.type}</span>
              </td>
              <td class="report-email">
                {e.email ?? <span class="report-muted">{t('reports.audit.noUser')}</span>}
              </td>
              <td>
                {deviceLabel(t, e.userAgent)}
                <span class="report-code mono">{e.ip}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
