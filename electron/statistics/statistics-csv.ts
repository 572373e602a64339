import { type Statistics, type StatisticsDimension } from '../../shared/contract/statistics';
import { type VocabularyName } from '../../shared/vocabularies';
import { type DossierLanguage } from '../dossiers/dossier-strings';
import { labelsIn } from '../dossiers/vocabulary-labels';

const WORDS = {
  es: {
    title: '# Resguardo: agresiones documentadas, cifras agregadas',
    period: '# Periodo: {from} a {to}',
    open: 'inicio',
    now: 'hoy',
    suppressed:
      '# Las celdas con menos de {min} casos se suprimen (cifras vacías, suprimida = sí) para que nadie pueda ser identificada.',
    header: ['dimension', 'codigo', 'etiqueta', 'agresiones', 'casos', 'suprimida'],
    yes: 'sí',
    no: 'no',
    total: 'Total',
    unknown: 'Sin dato',
    dimensions: {
      year: 'año',
      country: 'país',
      aggression_type: 'tipo de agresión',
      perpetrator_type: 'tipo de perpetrador',
      right_defended: 'derecho defendido',
      gender_component: 'componente de género',
    },
  },
  en: {
    title: '# Resguardo: documented aggressions, aggregate figures',
    period: '# Period: {from} to {to}',
    open: 'start',
    now: 'today',
    suppressed:
      '# Cells with fewer than {min} cases are suppressed (empty figures, suppressed = yes) so that no one can be identified.',
    header: ['dimension', 'code', 'label', 'aggressions', 'cases', 'suppressed'],
    yes: 'yes',
    no: 'no',
    total: 'Total',
    unknown: 'Unknown',
    dimensions: {
      year: 'year',
      country: 'country',
      aggression_type: 'aggression type',
      perpetrator_type: 'perpetrator type',
      right_defended: 'right defended',
      gender_component: 'gender component',
    },
  },
} as const satisfies Record<DossierLanguage, unknown>;

const VOCABULARY: Record<StatisticsDimension, VocabularyName | null> = {
  year: null,
  country: 'country',
  aggression_type: 'aggression_type',
  perpetrator_type: 'perpetrator_type',
  right_defended: 'right_defended',
  gender_component: 'gender_component',
};

/**
 * RFC 4180 quoting, and a leading `'` before = + - @ so a spreadsheet never runs a cell as a
 * formula (the labels are ours, but a translator's typo should not become one).
 */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV: `#` lines first (period, suppression rule), then one row per cell. */
export function statisticsCsv(
  stats: Statistics,
  language: DossierLanguage,
): {
  text: string;
  rows: number;
  suppressed: number;
} {
  const words = WORDS[language];
  const label = labelsIn(language);
  const lines = [
    words.title,
    words.period.replace('{from}', stats.from ?? words.open).replace('{to}', stats.to ?? words.now),
    words.suppressed.replace('{min}', String(stats.minCases)),
    words.header.join(','),
  ];
  let rows = 0;
  let suppressed = 0;
  const add = (dimension: string, code: string, name: string, c: Statistics['total']) => {
    rows += 1;
    if (c.suppressed) suppressed += 1;
    const flag = c.suppressed ? words.yes : words.no;
    lines.push([dimension, code, name, c.aggressions, c.cases, flag].map(csvField).join(','));
  };
  add('total', 'all', words.total, stats.total);
  for (const { dimension, cells } of stats.dimensions) {
    const vocabulary = VOCABULARY[dimension];
    for (const c of cells) {
      const name =
        c.code === 'unknown' ? words.unknown : vocabulary ? label(vocabulary, c.code) : c.code;
      add(words.dimensions[dimension], c.code, name, c);
    }
  }
  // A byte-order mark, so that spreadsheet programs read the accents as UTF-8.
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, rows, suppressed };
}
