import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactor } from '../../electron/dossiers/redaction';
import {
  consentFor,
  DEFENDER,
  dossierCase,
  PSEUDONYM,
  REQUEST,
  SON,
} from './support/dossier-fixture';
import { pdfByteViews, pdfInfo, pdfPages, spellings } from './support/pdf-text';
import { startRecordsCore } from './support/records-core';

describe('the redactor', () => {
  const names = redactor([{ name: 'Rosa Itzel Méndez de la Cruz', replacement: 'Xochitl' }]);

  it('replaces the whole name and each of her names, with or without accents, in any case', () => {
    expect(names.redact('Rosa Itzel Méndez de la Cruz llamó')).toBe('Xochitl llamó');
    expect(names.redact('la señora MENDEZ y rosa itzel')).toBe('la señora Xochitl y Xochitl');
    expect(names.redact('Cruz, Méndez.')).toBe('Xochitl, Xochitl.');
    // Decomposed accents (NFD) are the same name.
    expect(names.redact('Me\u0301ndez')).toBe('Xochitl');
  });

  it('leaves other words alone: parts of words and short particles', () => {
    expect(names.redact('un vestido rosado de la casa')).toBe('un vestido rosado de la casa');
    expect(names.leaks('un vestido rosado de la casa')).toBe(false);
    expect(names.leaks('dijo Méndez')).toBe(true);
  });
});

describe('a redacted dossier', () => {
  it('has neither name in its text, bytes, streams, metadata or contents', async () => {
    const running = await startRecordsCore();
    const { rosa, son, caseId } = await dossierCase(running);
    await running.op('consents.add', consentFor(rosa.id, 'iachr', 'pseudonym'));
    await running.op('consents.add', consentFor(son.id, 'iachr', 'anonymous'));
    const path = join(running.dir, 'redacted.pdf');
    running.dialogs.save = path;
    await running.op('dossiers.generate', {
      subject: { caseId },
      template: 'iachr',
      language: 'es',
      redaction: {
        pseudonymize: [rosa.id, son.id],
        includeContacts: false,
        includeExactPlaces: false,
      },
      // The lawyer wrote her name in the summary too.
      request: { ...REQUEST, summary: `${DEFENDER} pidió protección para ${SON}.` },
      to: { plain: true },
    });
    const text = pdfPages(path).join('\n') + pdfInfo(path);
    expect(text).toContain(PSEUDONYM);
    expect(text).toContain('Persona protegida 1');
    expect(text).toContain('Xochitl pidió protección para Persona protegida 1.');
    const words = [DEFENDER, SON, 'Rosa', 'Itzel', 'Méndez', 'Mendez', 'Tomás', 'Peña'];
    for (const word of words) expect(text, word).not.toContain(word);
    const views = await pdfByteViews(path);
    expect(views.length).toBeGreaterThan(5);
    for (const word of words) {
      for (const spelled of spellings(word)) {
        expect(
          views.some((bytes) => bytes.includes(spelled)),
          word,
        ).toBe(false);
      }
    }
    // The control: the same search finds a word that is there.
    expect(views.some((bytes) => bytes.includes(Buffer.from('Resguardo')))).toBe(true);
    await running.core.close();
  });
});
