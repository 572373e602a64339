import { describe, expect, it } from 'vitest';
import {
  aggressionType,
  country,
  perpetratorActorKind,
  perpetratorType,
  urgency,
  vocabularies,
  vocabularyNames,
} from '../../shared/vocabularies';

describe('vocabularies', () => {
  it('uses stable snake_case codes, unique within each vocabulary', () => {
    for (const name of vocabularyNames) {
      const codes: readonly string[] = vocabularies[name];
      expect(codes.length, name).toBeGreaterThan(1);
      expect(new Set(codes).size, name).toBe(codes.length);
      const pattern = name === 'country' ? /^[A-Z]{2}$/ : /^[a-z][a-z0-9_]*$/;
      for (const code of codes) expect(code, `${name}.${code}`).toMatch(pattern);
    }
  });

  it('covers the five countries of the Mesoamerican networks', () => {
    expect(country.codes).toEqual(expect.arrayContaining(['MX', 'GT', 'HN', 'SV', 'NI']));
  });

  it('flags every perpetrator type as state or non-state, and nothing else', () => {
    expect(Object.keys(perpetratorActorKind).sort()).toEqual([...perpetratorType.codes].sort());
    expect(perpetratorActorKind.police).toBe('state');
    expect(perpetratorActorKind.organized_crime).toBe('non_state');
  });

  it('refuses a label or an unknown code where a code is expected', () => {
    expect(aggressionType.schema.safeParse('death_threat').success).toBe(true);
    expect(aggressionType.schema.safeParse('Amenaza de muerte').success).toBe(false);
    expect(urgency.schema.safeParse('urgent').success).toBe(false);
  });

  it('lists every vocabulary as plain JSON for the label test', () => {
    const roundTrip = JSON.parse(JSON.stringify(vocabularies)) as Record<string, string[]>;
    expect(Object.keys(roundTrip)).toEqual(vocabularyNames);
    expect(roundTrip['aggression_type']).toHaveLength(23);
    expect(roundTrip['gender_component']).toHaveLength(5);
  });
});
