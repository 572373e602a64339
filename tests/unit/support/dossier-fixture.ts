import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Input } from '../../../shared/contract';
import { aggressionSample, caseSample, personSample } from './record-samples';
import { type RecordsCore } from './records-core';

export const DEFENDER = 'Rosa Itzel Méndez';
export const PSEUDONYM = 'Xochitl';
export const SON = 'Tomás Peña Ruiz';
export const EXACT_PLACE = 'Calle Reforma 12, colonia Centro';
export const PHONE = '+52 971 555 0101';

/** Inserted out of date order on purpose: the chronology must sort them. */
export const ACTS = [
  {
    occurredOn: '2026-03-14',
    types: ['death_threat'],
    narrative: 'Amenaza: “Rosa Itzel, te vamos a callar”. La niña oyó todo.',
  },
  {
    occurredOn: '2025-11-02',
    types: ['surveillance'],
    narrative: 'Dos hombres vigilaron la casa de Méndez en Juchitán.',
  },
  {
    occurredOn: '2026-01-20',
    types: ['smear_campaign'],
    narrative: 'Campaña en redes contra la señora Rosa por su acción comunitaria.',
  },
] as const;

export const REFERENCES = ['FGE/OAX/2026/0142', 'MPDDHP/2026/311'];

/**
 * A defender with a case of three aggressions (one also against her son), two responses with
 * reference numbers, and two evidence files taken in through the real intake.
 */
export async function dossierCase(running: RecordsCore) {
  const { op } = running;
  const rosa = await op('people.create', {
    ...personSample,
    name: DEFENDER,
    pseudonym: PSEUDONYM,
    contactChannels: [{ kind: 'phone', value: PHONE, sensitive: true }],
  });
  const son = await op('people.create', {
    ...personSample,
    name: SON,
    pseudonym: null,
    contactChannels: [],
  });
  const created = await op('cases.create', { ...caseSample, aggressions: [], sources: [] });
  for (const [index, act] of ACTS.entries()) {
    await op('aggressions.add', {
      caseId: created.id,
      ...aggressionSample,
      ...act,
      types: [...act.types],
      exactPlace: EXACT_PLACE,
      genderComponents: index === 0 ? ['sexualized'] : [],
      victims: [
        { personId: rosa.id, collectiveId: null, role: 'direct' },
        ...(index === 0
          ? [{ personId: son.id, collectiveId: null, role: 'close_person' as const }]
          : []),
      ],
    });
  }
  for (const [index, reference] of REFERENCES.entries()) {
    await op('responses.add', {
      caseId: created.id,
      type: index === 0 ? 'prosecutor_complaint' : 'protection_mechanism_request',
      doneOn: index === 0 ? '2026-03-15' : '2026-03-20',
      responsible: 'Equipo jurídico',
      outcome: 'Sin respuesta de la autoridad',
      followUpOn: null,
      reference,
    });
  }
  const files = [join(running.dir, 'captura-amenaza.png'), join(running.dir, 'audio-llamada.ogg')];
  await writeFile(files[0]!, 'imagen de prueba');
  await writeFile(files[1]!, 'audio de prueba, año 2026');
  running.dialogs.open = files;
  for (const chosen of await op('evidence.chooseFiles', {})) {
    await op('evidence.intake', {
      caseId: created.id,
      token: chosen.token,
      description: 'Copia original',
    });
  }
  return { rosa, son, caseId: created.id };
}

export function consentFor(
  personId: string,
  scope: Input<'consents.add'>['scope'],
  identity: Input<'consents.add'>['identity'] = 'name',
): Input<'consents.add'> {
  return {
    personId,
    collectiveId: null,
    scope,
    identity,
    givenOn: '2026-03-15',
    method: 'written_in_person',
    notes: '',
  };
}

export const REQUEST = {
  summary: 'La defensora recibió amenazas de muerte tras oponerse a un proyecto eólico.',
  measuresRequested: 'Medidas de protección para ella y su familia; investigación de las amenazas.',
  workRiskLink: 'Las agresiones empezaron cuando la asamblea comunitaria rechazó el proyecto.',
  context: '',
};
