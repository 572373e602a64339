import { type RedactionProfile } from '../../shared/contract/dossiers';
import { perpetratorActorKind } from '../../shared/vocabularies';
import { type Block, type DossierSection } from './dossier-document';
import { type Format } from './dossier-format';
import { type DossierData } from './dossier-gather';
import { type Naming } from './redaction';

/** Dated, oldest first, each act with its place (municipality level), victims and perpetrators. */
export function chronologySection(
  data: DossierData,
  naming: Naming,
  redaction: RedactionProfile,
  format: Format,
): DossierSection {
  const { say, label, labels } = format;
  const caseTitle = new Map(data.cases.map((c) => [c.id, c.title]));
  const blocks: Block[] = [];
  for (const act of data.aggressions) {
    const place = format.place(act);
    const date = format.date(act.occurredOn, act.datePrecision);
    blocks.push({ kind: 'heading', text: place ? `${date} — ${place}` : date });
    const victims = act.victims.map((v) =>
      v.personId
        ? `${naming.label(v.personId)} (${label('victim_role', v.role)})`
        : (data.collectives.find((c) => c.id === v.collectiveId)?.name ?? v.label),
    );
    const perpetrators = act.perpetrators.map((p) => {
      const who = `${label('perpetrator_type', p.type)} (${label('involvement', p.involvement)}; ${say(p.identified ? 'identified' : 'unidentified')})`;
      return p.description.trim() ? `${who}: ${p.description}` : who;
    });
    const rows: [string, string][] = [[say('types'), labels('aggression_type', act.types)]];
    if (redaction.includeExactPlaces && act.exactPlace)
      rows.push([say('exactPlace'), act.exactPlace]);
    if (data.cases.length > 1) rows.push([say('case'), caseTitle.get(act.caseId) ?? '']);
    if (victims.length) rows.push([say('victims'), victims.join('; ')]);
    if (perpetrators.length) rows.push([say('perpetrators'), perpetrators.join('; ')]);
    if (act.genderComponents.length)
      rows.push([say('genderComponents'), labels('gender_component', act.genderComponents)]);
    blocks.push({ kind: 'fields', rows });
    if (act.narrative.trim()) blocks.push({ kind: 'paragraph', text: act.narrative });
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: say('none') });
  return { id: 'chronology', title: say('section.chronology'), blocks };
}

function tally(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Counts from the database: what the patterns are, in numbers. */
export function contextSection(data: DossierData, context: string, format: Format): DossierSection {
  const { say, label } = format;
  const acts = data.aggressions;
  const blocks: Block[] = [];
  if (context.trim()) blocks.push({ kind: 'paragraph', text: context });
  const first = acts[0]?.occurredOn;
  const last = acts.at(-1)?.occurredOn;
  const rows: [string, string][] = [[say('context.total'), String(acts.length)]];
  if (first && last)
    rows.push([say('context.period'), `${format.date(first)} – ${format.date(last)}`]);
  const gendered = acts.filter((a) => a.genderComponents.length > 0).length;
  rows.push([say('context.gender'), `${gendered} / ${acts.length}`]);
  blocks.push({ kind: 'fields', rows });
  const byType = tally(acts.flatMap((a) => a.types));
  blocks.push({ kind: 'heading', text: say('context.byType') });
  blocks.push({
    kind: 'list',
    items: byType.map(([code, n]) => `${label('aggression_type', code)}: ${n}`),
  });
  const types = acts.flatMap((a) => [...new Set(a.perpetrators.map((p) => p.type))]);
  blocks.push({ kind: 'heading', text: say('context.byPerpetrator') });
  blocks.push({
    kind: 'list',
    items: tally(types).map(([code, n]) => `${label('perpetrator_type', code)}: ${n}`),
  });
  const state = acts.filter((a) =>
    a.perpetrators.some((p) => perpetratorActorKind[p.type] === 'state'),
  ).length;
  blocks.push({ kind: 'heading', text: say('context.byActor') });
  blocks.push({
    kind: 'list',
    items: [`${say('state')}: ${state}`, `${say('nonState')}: ${acts.length - state}`],
  });
  for (const one of data.network) {
    const title = say('context.network', {
      country: label('country', one.country),
      from: one.from.slice(0, 4),
      to: one.to.slice(0, 4),
    });
    blocks.push({ kind: 'fields', rows: [[title, String(one.count)]] });
  }
  return { id: 'context', title: say('section.context'), blocks };
}

export function riskSection(data: DossierData, naming: Naming, format: Format): DossierSection {
  const { say, label } = format;
  const blocks: Block[] = [];
  for (const a of data.risk) {
    const level = label('risk_level', a.scoring.level);
    const rows: [string, string][] = [
      [say('risk.subject'), a.personId ? naming.label(a.personId) : a.subjectLabel],
      [say('risk.assessedOn'), format.date(a.assessedOn)],
      [say('risk.kind'), label('assessment_kind', a.kind)],
      [say('risk.assessor'), a.assessor],
      [say('risk.level'), level],
      [say('risk.score'), a.scoring.score.toFixed(2)],
    ];
    blocks.push({ kind: 'fields', rows });
    if (a.override) {
      const computed = label('risk_level', a.scoring.computedLevel);
      const text = say('risk.override', { computed, reason: a.override.reason });
      blocks.push({ kind: 'paragraph', text });
    }
    if (a.context.trim()) {
      blocks.push({ kind: 'heading', text: say('risk.context') });
      blocks.push({ kind: 'paragraph', text: a.context });
    }
    const list = (key: Parameters<typeof say>[0], items: string[]) => {
      if (items.length) blocks.push({ kind: 'heading', text: say(key) }, { kind: 'list', items });
    };
    list(
      'risk.threats',
      [...a.threats]
        .sort((x, y) => y.priority - x.priority)
        .map((t) => `${t.description} — ${t.likelihood} × ${t.impact} = ${t.priority}`),
    );
    const factor = (f: { area: string; description: string; rating: number }) =>
      `${label('risk_area', f.area)}: ${f.rating}${f.description ? ` — ${f.description}` : ''}`;
    list('risk.vulnerabilities', a.vulnerabilities.map(factor));
    list('risk.capacities', a.capacities.map(factor));
    list(
      'risk.measures',
      a.measures.map(
        (m) =>
          `${label('measure_category', m.category)}: ${m.description} (${label('measure_status', m.status)})`,
      ),
    );
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: say('none') });
  return { id: 'risk', title: say('section.risk'), blocks };
}

/** Responses with the reference numbers the authorities gave. */
export function stepsSection(data: DossierData, format: Format): DossierSection {
  const { say, label } = format;
  const blocks: Block[] = [];
  for (const r of data.responses) {
    blocks.push({
      kind: 'heading',
      text: `${format.date(r.doneOn)} — ${label('response_type', r.type)}`,
    });
    const rows: [string, string][] = [
      [say('steps.reference'), r.reference],
      [say('steps.responsible'), r.responsible],
      [say('steps.outcome'), r.outcome],
      [say('steps.followUp'), r.followUpOn ? format.date(r.followUpOn) : ''],
    ];
    blocks.push({ kind: 'fields', rows: rows.filter(([, value]) => value.trim() !== '') });
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: say('none') });
  return { id: 'steps', title: say('section.steps'), blocks };
}

/** Every item with the SHA-256 recorded at intake, so the recipient can check the files. */
export function evidenceSection(data: DossierData, format: Format): DossierSection {
  const { say } = format;
  const blocks: Block[] = [{ kind: 'paragraph', text: say('evidence.hashNote') }];
  for (const [index, item] of data.evidence.entries()) {
    blocks.push({ kind: 'heading', text: `${index + 1}. ${item.originalName}` });
    const rows: [string, string][] = [
      [say('evidence.type'), item.mediaType],
      [say('evidence.size'), format.size(item.size)],
      [say('evidence.addedOn'), format.date(item.createdAt)],
    ];
    if (item.description.trim()) rows.push([say('evidence.description'), item.description]);
    blocks.push({ kind: 'fields', rows }, { kind: 'hash', label: 'SHA-256', value: item.sha256 });
  }
  return { id: 'evidence', title: say('section.evidence'), blocks };
}
