import type { AdoptionReport } from '../../../app/reports/adoption-report.js';
import type { StaffRole } from '../../../core/types.js';
import type { Locale } from '../../../i18n/locales.js';
import { catalogs, type MessageKey, type Translate } from '../../../i18n/translate.js';
import { LocalTime } from '../../pages/components/local-time.js';
import type { PageContext } from '../../pages/shared/page-context.js';
import { ConsoleLayout } from '../console-layout.js';
import { AdoptionChart } from './adoption-chart.js';

/** "Authenticator app" for `totp`; a type added later without words reads "Other method". */
function methodName(t: Translate, type: string): string {
  const key = `security.method.${type}`;
  return key in catalogs.en ? t(key as MessageKey) : t('security.method.other');
}

const percent = (locale: Locale) => {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (value: number) => format.format(value / 100);
};
const whole = (locale: Locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format;
const shortDay = (locale: Locale) => {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
};

/** A share as a bar: an SVG rect sized by attribute, because the CSP forbids style attributes. */
function ShareBar(props: { percent: number }) {
  return (
    <svg
      class="share-bar"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="share-bar-track" width="100" height="8" rx="4" />
      <rect class="share-bar-fill" width={Math.max(0, Math.min(100, props.percent))} height="8" rx="4" />
    </svg>
  );
}

export function AdoptionPage(props: { page: PageContext; role: StaffRole; report: AdoptionReport }) {
  const { page, report } = props;
  const { t, locale } = page;
  const pct = percent(locale);
  const count = whole(locale);
  const { current } = report;
  return (
    <ConsoleLayout
      page={page}
      role={props.role}
      title={t('reports.adoption.title')}
      lead={t('reports.adoption.intro')}
    >
      <div class="stat-grid">
        <section class="panel stat" aria-labelledby="stat-with">
          <h2 class="stat-label" id="stat-with">
            {t('reports.adoption.overall')}
          </h2>
          <p class="stat-value">{pct(current.percent)}</p>
          <ShareBar percent={current.percent} />
          <p class="stat-note">
            {t('reports.adoption.ofUsers', {
              count: count(current.withTwoFactor),
              total: count(current.users),
            })}
          </p>
        </section>
        <section class="panel stat" aria-labelledby="stat-without">
          <h2 class="stat-label" id="stat-without">
            {t('reports.adoption.without')}
          </h2>
          <p class="stat-value">{count(current.users - current.withTwoFactor)}</p>
          <p class="stat-note">{t('reports.adoption.withoutText')}</p>
        </section>
      </div>
      <Deadlines page={page} report={report} />
      <History page={page} report={report} />
      <section class="panel" aria-labelledby="by-method">
        <h2 class="panel-title" id="by-method">
          {t('reports.adoption.byMethod')}
        </h2>
        <p class="panel-text">{t('reports.adoption.byMethodIntro')}</p>
        {report.byMethod.length === 0 ? (
          <p class="panel-note">{t('reports.adoption.noMethods')}</p>
        ) : (
          <ShareTable
            heads={[
              t('reports.adoption.col.method'),
              t('reports.adoption.col.users'),
              t('reports.adoption.col.share'),
            ]}
            caption={t('reports.adoption.byMethod')}
            rows={report.byMethod.map((m) => ({
              name: methodName(t, m.type),
              cells: [count(m.users)],
              percent: m.percent,
            }))}
            format={pct}
          />
        )}
      </section>
      <section class="panel" aria-labelledby="by-organization">
        <h2 class="panel-title" id="by-organization">
          {t('reports.adoption.organizations')}
        </h2>
        {report.organizations.length === 0 ? (
          <p class="panel-note">{t('reports.adoption.noOrganizations')}</p>
        ) : (
          <ShareTable
            heads={[
              t('reports.adoption.col.organization'),
              t('reports.adoption.col.members'),
              t('reports.adoption.col.withTwoFactor'),
              t('reports.adoption.col.memberShare'),
            ]}
            caption={t('reports.adoption.organizations')}
            rows={report.organizations.map((o) => ({
              name: o.name,
              cells: [count(o.users), count(o.withTwoFactor)],
              percent: o.percent,
            }))}
            format={pct}
          />
        )}
      </section>
    </ConsoleLayout>
  );
}

function ShareTable(props: {
  heads: string[];
  caption: string;
  rows: Array<{ name: string; cells: string[]; percent: number }>;
  format: (value: number) => string;
}) {
  return (
    <div class="table-scroll">
      <table class="data-table report-compact">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.heads.map((head, i) => (
              <th scope="col" class={i > 0 ? 'report-number' : undefined}>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell) => (
                <td class="report-number">{cell}</td>
              ))}
              <td class="report-number report-share">
                <span>{props.format(row.percent)}</span>
                <ShareBar percent={row.percent} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Deadlines(props: { page: PageContext; report: AdoptionReport }) {
  const { t, locale } = props.page;
  const count = whole(locale);
  const { deadlines } = props.report;
  return (
    <section class="panel" aria-labelledby="deadlines">
      <h2 class="panel-title" id="deadlines">
        {t('reports.adoption.deadlines')}
      </h2>
      {deadlines.length === 0 ? (
        <p class="panel-note">{t('reports.adoption.noDeadlines')}</p>
      ) : (
        <>
          <p class="panel-text">{t('reports.adoption.deadlinesIntro')}</p>
          <div class="table-scroll">
            <table class="data-table report-compact">
              <caption class="visually-hidden">{t('reports.adoption.deadlines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.adoption.col.scope')}</th>
                  <th scope="col">{t('reports.adoption.col.deadline')}</th>
                  <th scope="col" class="report-number">
                    {t('reports.adoption.col.daysLeft')}
                  </th>
                  <th scope="col" class="report-number">
                    {t('reports.adoption.col.notReady')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {deadlines.map((d) => (
                  <tr>
                    <th scope="row">{d.organization?.name ?? t('reports.adoption.everyone')}</th>
                    <td>
                      <LocalTime locale={locale} at={d.requiredFrom} />
                    </td>
                    <td class="report-number">{count(d.daysLeft)}</td>
                    <td class="report-number">
                      <strong>{count(d.notReady)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function History(props: { page: PageContext; report: AdoptionReport }) {
  const { t, locale } = props.page;
  const { history } = props.report;
  const pct = percent(locale);
  const count = whole(locale);
  const label = shortDay(locale);
  const labels = history.map((h) => label(h.day));
  const withData = history.filter((h) => h.snapshot);
  const first = labels[0] ?? '';
  const last = labels.at(-1) ?? '';
  const latest = withData.at(-1)?.snapshot;
  // The most used method first, so it gets the first colour and the first place in the legend.
  const latestByMethod = latest?.byMethod ?? {};
  const types = [...new Set(withData.flatMap((h) => Object.keys(h.snapshot?.byMethod ?? {})))].sort(
    (a, b) => (latestByMethod[b] ?? 0) - (latestByMethod[a] ?? 0) || a.localeCompare(b),
  );
  const shareOf = (s: { users: number; withTwoFactor: number }) =>
    s.users === 0 ? 0 : Math.round((s.withTwoFactor / s.users) * 1000) / 10;
  return (
    <section class="panel" aria-labelledby="history">
      <h2 class="panel-title" id="history">
        {t('reports.adoption.history', { days: history.length })}
      </h2>
      <p class="panel-text">{t('reports.adoption.historyIntro')}</p>
      {withData.length === 0 ? (
        <p class="panel-note">{t('reports.adoption.noHistory')}</p>
      ) : (
        <div class="chart-grid-layout">
          <AdoptionChart
            id="chart-share"
            title={t('reports.adoption.chart.share')}
            description={t('reports.adoption.chart.shareDesc', {
              first,
              last,
              latest: latest ? pct(shareOf(latest)) : '–',
            })}
            labels={labels}
            series={[
              {
                key: 'share',
                name: t('reports.adoption.chart.share'),
                values: history.map((h) => (h.snapshot ? shareOf(h.snapshot) : null)),
              },
            ]}
            yMax={100}
            formatValue={pct}
            tableHeads={[t('reports.adoption.col.day'), t('reports.adoption.col.share')]}
            tableSummary={t('reports.adoption.chart.table')}
          />
          {types.length > 0 && (
            <AdoptionChart
              id="chart-methods"
              title={t('reports.adoption.chart.methods')}
              description={t('reports.adoption.chart.methodsDesc', { first, last })}
              labels={labels}
              series={types.map((type) => ({
                key: type,
                name: methodName(t, type),
                values: history.map((h) => (h.snapshot ? (h.snapshot.byMethod[type] ?? 0) : null)),
              }))}
              formatValue={count}
              tableHeads={[t('reports.adoption.col.day'), ...types.map((type) => methodName(t, type))]}
              tableSummary={t('reports.adoption.chart.table')}
            />
          )}
        </div>
      )}
    </section>
  );
}
