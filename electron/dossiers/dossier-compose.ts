import { type z } from 'zod';
import {
  type DossierTemplate,
  type dossierRequest,
  type RedactionProfile,
  templateConsentScope,
} from '../../shared/contract/dossiers';
import { type Person } from '../../shared/contract/people';
import { coveringConsent, type Named } from './consent-gate';
import { type Block, type DossierDocument, type DossierSection } from './dossier-document';
import { type Format } from './dossier-format';
import { type DossierData } from './dossier-gather';
import {
  chronologySection,
  contextSection,
  evidenceSection,
  riskSection,
  stepsSection,
} from './dossier-sections';
import { type Naming } from './redaction';

export interface ComposeInput {
  data: DossierData;
  template: DossierTemplate;
  request: z.infer<typeof dossierRequest>;
  redaction: RedactionProfile;
  naming: Naming;
  named: Named[];
  format: Format;
  author: { displayName: string; officeName: string };
  today: string;
}

/** Word the gathered records into the document the worker lays out (not yet redacted). */
export function composeDossier(input: ComposeInput): DossierDocument {
  const { format, template } = input;
  const { say } = format;
  const title = say(`title.${template}`);
  return {
    title,
    language: format.language,
    cover: {
      title,
      lines: [
        [say('cover.date'), format.date(input.today)],
        [say('cover.generatedBy'), input.author.displayName],
        [say('cover.office'), input.author.officeName],
      ],
      notice: say('cover.confidential'),
    },
    tocTitle: say('toc'),
    pageLabel: say('page'),
    sections: [
      summarySection(input),
      beneficiariesSection(input),
      profileSection(input),
      chronologySection(input.data, input.naming, input.redaction, format),
      contextSection(input.data, input.request.context, format),
      riskSection(input.data, input.naming, format),
      stepsSection(input.data, format),
      evidenceSection(input.data, format),
    ],
  };
}

function text(value: string, format: Format): Block {
  return { kind: 'paragraph', text: value.trim() === '' ? format.say('none') : value };
}

function summarySection({ template, request, format }: ComposeInput): DossierSection {
  const { say } = format;
  return {
    id: 'summary',
    title: say('section.summary'),
    blocks: [
      { kind: 'paragraph', text: say(`intro.${template}`) },
      { kind: 'heading', text: say('summary') },
      text(request.summary, format),
      { kind: 'heading', text: say('measures') },
      text(request.measuresRequested, format),
    ],
  };
}

function beneficiariesSection({ named, data, template, format }: ComposeInput): DossierSection {
  const { say, label } = format;
  const scope = templateConsentScope[template];
  const blocks: Block[] = [];
  for (const who of named) {
    const consent = coveringConsent(data.consents, who, scope);
    const relation =
      who.kind === 'collective'
        ? say('collective')
        : label('victim_role', data.directVictims.has(who.id) ? 'direct' : 'close_person');
    const rows: [string, string][] = [[say('role'), relation]];
    if (consent) {
      const value = say('consent.value', {
        scope: label('consent_scope', consent.scope),
        date: format.date(consent.givenOn),
        identity: label('consent_identity', consent.identity),
      });
      rows.push([say('consent'), value]);
    }
    blocks.push({ kind: 'heading', text: who.label }, { kind: 'fields', rows });
  }
  const title = template === 'iachr' ? 'section.beneficiaries.iachr' : 'section.beneficiaries';
  return { id: 'beneficiaries', title: say(title), blocks };
}

function profileSection(input: ComposeInput): DossierSection {
  const { data, naming, format, redaction, request } = input;
  const { say } = format;
  const blocks: Block[] = [];
  for (const id of input.data.profiled) {
    const person = data.people.find((p) => p.id === id);
    if (!person) continue;
    blocks.push({ kind: 'heading', text: naming.label(id) });
    blocks.push({ kind: 'fields', rows: profileRows(person, format, redaction.includeContacts) });
  }
  blocks.push({ kind: 'heading', text: say('workRiskLink') }, text(request.workRiskLink, format));
  return { id: 'profile', title: say('section.profile'), blocks };
}

function profileRows(person: Person, format: Format, contacts: boolean): [string, string][] {
  const { say, label } = format;
  const rows: [string, string | null][] = [
    [
      say('genderIdentity'),
      person.genderIdentity && label('gender_identity', person.genderIdentity),
    ],
    [say('ageRange'), person.ageRange && label('age_range', person.ageRange)],
    [say('ethnicIdentity'), person.ethnicIdentity],
    [say('place'), format.place(person) || null],
    [say('organization'), person.organization],
    [say('movement'), person.movement],
    [say('rightsDefended'), format.labels('right_defended', person.rightsDefended) || null],
  ];
  if (contacts) {
    for (const channel of person.contactChannels) {
      rows.push([say('contacts'), `${label('contact_channel', channel.kind)}: ${channel.value}`]);
    }
  }
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}
