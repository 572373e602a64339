import { type Migration } from './migration';

/**
 * Full-text search inside the encrypted database. `search_docs` holds one row per searchable
 * text (case title and tags, aggression narrative, aggression place, victim name, perpetrator
 * description, note), keyed by (kind, ref_id) so triggers find their row on an index; the FTS5
 * index is an external-content table over it, kept in sync by the standard triggers. Every write
 * path (repositories, demo data, cascading deletes) keeps it right because it is all triggers.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'case-search',
  sql: `
    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      case_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      ref_id TEXT NOT NULL,
      body TEXT NOT NULL,
      UNIQUE (kind, ref_id)
    );
    CREATE INDEX search_docs_case ON search_docs(case_id);

    -- remove_diacritics: "Tehuantepec" finds "tehuantépec", "accion" finds "acción".
    CREATE VIRTUAL TABLE case_fts USING fts5(
      body, content = 'search_docs', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO case_fts(rowid, body) VALUES (new.id, new.body);
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END;
    CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
      INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.id, old.body);
      INSERT INTO case_fts(rowid, body) VALUES (new.id, new.body);
    END;

    CREATE TRIGGER cases_search_ai AFTER INSERT ON cases BEGIN
      INSERT INTO search_docs (case_id, kind, ref_id, body)
      VALUES (new.id, 'case', new.id,
        new.title || ' ' || (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags)));
    END;
    CREATE TRIGGER cases_search_au AFTER UPDATE OF title, tags ON cases BEGIN
      UPDATE search_docs SET body =
        new.title || ' ' || (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags))
      WHERE kind = 'case' AND ref_id = new.id;
    END;
    CREATE TRIGGER cases_search_ad AFTER DELETE ON cases BEGIN
      DELETE FROM search_docs WHERE kind = 'case' AND ref_id = old.id;
    END;

    CREATE TRIGGER aggressions_search_ai AFTER INSERT ON aggressions BEGIN
      INSERT INTO search_docs (case_id, kind, ref_id, body) VALUES (new.case_id, 'narrative', new.id, new.narrative);
      INSERT INTO search_docs (case_id, kind, ref_id, body) VALUES (new.case_id, 'place', new.id,
        concat_ws(' ', new.exact_place, new.municipality, new.department));
    END;
    CREATE TRIGGER aggressions_search_au
      AFTER UPDATE OF narrative, exact_place, municipality, department ON aggressions BEGIN
      UPDATE search_docs SET body = new.narrative WHERE kind = 'narrative' AND ref_id = new.id;
      UPDATE search_docs SET body = concat_ws(' ', new.exact_place, new.municipality, new.department)
        WHERE kind = 'place' AND ref_id = new.id;
    END;
    CREATE TRIGGER aggressions_search_ad AFTER DELETE ON aggressions BEGIN
      DELETE FROM search_docs WHERE kind IN ('narrative', 'place') AND ref_id = old.id;
    END;

    CREATE TRIGGER victims_search_ai AFTER INSERT ON aggression_victims BEGIN
      INSERT INTO search_docs (case_id, kind, ref_id, body) VALUES (
        (SELECT case_id FROM aggressions WHERE id = new.aggression_id), 'victim', new.id,
        coalesce((SELECT concat_ws(' ', name, pseudonym) FROM people WHERE id = new.person_id),
                 (SELECT name FROM collectives WHERE id = new.collective_id), ''));
    END;
    CREATE TRIGGER victims_search_ad AFTER DELETE ON aggression_victims BEGIN
      DELETE FROM search_docs WHERE kind = 'victim' AND ref_id = old.id;
    END;
    CREATE TRIGGER people_search_au AFTER UPDATE OF name, pseudonym ON people BEGIN
      UPDATE search_docs SET body = concat_ws(' ', new.name, new.pseudonym)
      WHERE kind = 'victim' AND ref_id IN (SELECT id FROM aggression_victims WHERE person_id = new.id);
    END;
    CREATE TRIGGER collectives_search_au AFTER UPDATE OF name ON collectives BEGIN
      UPDATE search_docs SET body = new.name
      WHERE kind = 'victim' AND ref_id IN (SELECT id FROM aggression_victims WHERE collective_id = new.id);
    END;

    CREATE TRIGGER perpetrators_search_ai AFTER INSERT ON perpetrators BEGIN
      INSERT INTO search_docs (case_id, kind, ref_id, body) VALUES (
        (SELECT case_id FROM aggressions WHERE id = new.aggression_id), 'perpetrator', new.id, new.description);
    END;
    CREATE TRIGGER perpetrators_search_au AFTER UPDATE OF description ON perpetrators BEGIN
      UPDATE search_docs SET body = new.description WHERE kind = 'perpetrator' AND ref_id = new.id;
    END;
    CREATE TRIGGER perpetrators_search_ad AFTER DELETE ON perpetrators BEGIN
      DELETE FROM search_docs WHERE kind = 'perpetrator' AND ref_id = old.id;
    END;

    CREATE TRIGGER notes_search_ai AFTER INSERT ON case_notes BEGIN
      INSERT INTO search_docs (case_id, kind, ref_id, body) VALUES (new.case_id, 'note', new.id, new.body);
    END;
    CREATE TRIGGER notes_search_au AFTER UPDATE OF body ON case_notes BEGIN
      UPDATE search_docs SET body = new.body WHERE kind = 'note' AND ref_id = new.id;
    END;
    CREATE TRIGGER notes_search_ad AFTER DELETE ON case_notes BEGIN
      DELETE FROM search_docs WHERE kind = 'note' AND ref_id = old.id;
    END;
  `,
};
