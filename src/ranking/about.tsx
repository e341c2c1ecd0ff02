// /about/ranking: every ranking's parameters and the "for you" weights, printed from the very
// objects the queries read (parameters.ts, the configuration, bots.ts), and the change log
// (changelog.ts). Nothing here restates a number by hand, so the page cannot drift from the code.
import type { Config } from '../config.ts';
import { translator, type Locale } from '../web/i18n/index.ts';
import { NOT_COUNTED } from './bots.ts';
import { RANKING_CHANGES } from './changelog.ts';
import { FASTEST_RISING, FOR_YOU, MOST_COMMENTED, MOST_VIEWED, PRESS_ASIDE } from './parameters.ts';

/** The published sections: a name and the parameter object the code uses. */
export function publishedParameters(config: Config): ReadonlyArray<{ id: string; params: Record<string, unknown> }> {
  const { weights, ...forYou } = FOR_YOU;
  return [
    { id: 'viewed', params: MOST_VIEWED },
    { id: 'commented', params: MOST_COMMENTED },
    { id: 'rising', params: FASTEST_RISING },
    { id: 'pressAside', params: PRESS_ASIDE },
    {
      id: 'forYou',
      params: { ...forYou, pressSharePercent: config.forYouPressSharePercent },
    },
    { id: 'forYouWeights', params: weights },
    { id: 'counting', params: { flushSeconds: config.viewFlushSeconds } },
  ];
}

function shown(value: unknown): string {
  return typeof value === 'boolean' ? (value ? '✓' : '✗') : String(value);
}

export function AboutRanking({ locale, config }: { locale: Locale; config: Config }) {
  const tr = translator(locale);
  return (
    <div class="about-ranking">
      <h1>{tr('ranking.about.title')}</h1>
      <p>{tr('ranking.about.intro')}</p>
      {publishedParameters(config).map((section) => (
        <section data-section={section.id}>
          <h2>{tr(`ranking.about.section.${section.id}`)}</h2>
          <p>{tr(`ranking.about.explain.${section.id}`)}</p>
          <dl class="why-list">
            {Object.entries(section.params).map(([key, value]) => (
              <>
                <dt>{tr(`ranking.param.${key}`)}</dt>
                <dd data-param={`${section.id}.${key}`}>{shown(value)}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
      <section data-section="rules">
        <h2>{tr('ranking.about.section.rules')}</h2>
        <ul>
          {NOT_COUNTED.map((rule) => (
            <li data-rule={rule}>{tr(`ranking.rule.${rule}`)}</li>
          ))}
        </ul>
        <p>{tr('ranking.about.privacy')}</p>
      </section>
      <section data-section="changes">
        <h2>{tr('ranking.about.section.changes')}</h2>
        <ul class="about-ranking__changes">
          {RANKING_CHANGES.map((c) => (
            <li data-change={c.date}>
              <time datetime={c.date}>{c.date}</time> {locale === 'ko' ? c.ko : c.en}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
