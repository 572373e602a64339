import { type Migration } from './migration';

/**
 * Monthly counts of aggressions for the dashboard, kept by triggers so that every write path
 * (repositories, demo data, imports, cascading deletes) keeps them right. Counting 200 000 acts
 * through their types and perpetrators took 1.4 s on the demo vault; whole months are now read
 * from here and only the partial months at the edges of a range from the acts themselves.
 *
 * dimension: 'act' (key ''), 'country' (key = code, '' when none), 'type' (aggression type),
 * 'perpetrator' (perpetrator type, once per act however many perpetrators of that type it has).
 *
 * Deletes: an act's BEFORE DELETE trigger takes the act, its types and its perpetrator types out;
 * the cascade that follows deletes the children after the act is gone, so their own triggers
 * find no parent month and change nothing. A child deleted on its own finds its parent.
 */
const ALL_OF = (row: 'old' | 'new') => `
      (SELECT 'act' AS d, '' AS k
       UNION ALL SELECT 'country', coalesce(${row}.country, '')
       UNION ALL SELECT DISTINCT 'type', code FROM aggression_types WHERE aggression_id = ${row}.id
       UNION ALL SELECT DISTINCT 'perpetrator', type FROM perpetrators WHERE aggression_id = ${row}.id)`;

/**
 * Refresh the latest aggression date, and the latest against a close person, of each subject
 * (person or collective id) listed by `subjects`. Recomputed from the victims rather than kept
 * as a running maximum, so deletions and moved dates come out right too.
 */
const ACTIVITY_OF = (subjects: string) => `
      INSERT OR REPLACE INTO risk_subject_activity (subject_id, last_aggression_on, last_close_on)
      SELECT s.id,
        (SELECT max(a.occurred_on) FROM aggression_victims v JOIN aggressions a ON a.id = v.aggression_id
         WHERE v.person_id = s.id OR v.collective_id = s.id),
        (SELECT max(a.occurred_on) FROM aggression_victims v JOIN aggressions a ON a.id = v.aggression_id
         WHERE (v.person_id = s.id OR v.collective_id = s.id)
           AND (v.role = 'close_person' OR EXISTS (SELECT 1 FROM aggression_types t
             WHERE t.aggression_id = a.id AND t.code = 'aggression_against_close_person')))
      FROM (${subjects}) s WHERE s.id IS NOT NULL;`;
const VICTIMS_OF = (aggressionId: string) =>
  `SELECT DISTINCT coalesce(person_id, collective_id) AS id FROM aggression_victims
   WHERE aggression_id = ${aggressionId}`;

export const migration0009: Migration = {
  version: 9,
  name: 'dashboard-counts-and-activity',
  sql: `
    -- Per defender or collective: when the last aggression against her (or a close person)
    -- occurred. A review is needed at once when that is after her latest assessment; keeping it
    -- here makes that check one lookup per assessment instead of a walk over every act.
    CREATE TABLE risk_subject_activity (
      subject_id TEXT PRIMARY KEY,
      last_aggression_on TEXT,
      last_close_on TEXT
    ) WITHOUT ROWID;
    ${ACTIVITY_OF('SELECT DISTINCT coalesce(person_id, collective_id) AS id FROM aggression_victims')}
    CREATE TRIGGER risk_activity_victim_ai AFTER INSERT ON aggression_victims BEGIN
      ${ACTIVITY_OF('SELECT coalesce(new.person_id, new.collective_id) AS id')}
    END;
    CREATE TRIGGER risk_activity_victim_ad AFTER DELETE ON aggression_victims BEGIN
      ${ACTIVITY_OF('SELECT coalesce(old.person_id, old.collective_id) AS id')}
    END;
    CREATE TRIGGER risk_activity_victim_au AFTER UPDATE ON aggression_victims BEGIN
      ${ACTIVITY_OF('SELECT coalesce(old.person_id, old.collective_id) AS id UNION SELECT coalesce(new.person_id, new.collective_id)')}
    END;
    CREATE TRIGGER risk_activity_date_au AFTER UPDATE OF occurred_on ON aggressions BEGIN
      ${ACTIVITY_OF(VICTIMS_OF('new.id'))}
    END;
    CREATE TRIGGER risk_activity_type_ai AFTER INSERT ON aggression_types
    WHEN new.code = 'aggression_against_close_person' BEGIN
      ${ACTIVITY_OF(VICTIMS_OF('new.aggression_id'))}
    END;
    CREATE TRIGGER risk_activity_type_ad AFTER DELETE ON aggression_types
    WHEN old.code = 'aggression_against_close_person' BEGIN
      ${ACTIVITY_OF(VICTIMS_OF('old.aggression_id'))}
    END;
    -- Nothing about a deleted defender or collective stays behind.
    CREATE TRIGGER risk_activity_person_ad AFTER DELETE ON people BEGIN
      DELETE FROM risk_subject_activity WHERE subject_id = old.id;
    END;
    CREATE TRIGGER risk_activity_collective_ad AFTER DELETE ON collectives BEGIN
      DELETE FROM risk_subject_activity WHERE subject_id = old.id;
    END;

    CREATE TABLE dashboard_counts (
      month TEXT NOT NULL,
      dimension TEXT NOT NULL,
      key TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (dimension, month, key)
    ) WITHOUT ROWID;

    INSERT INTO dashboard_counts (month, dimension, key, n)
      SELECT substr(occurred_on, 1, 7), 'act', '', count(*) FROM aggressions GROUP BY 1;
    INSERT INTO dashboard_counts (month, dimension, key, n)
      SELECT substr(occurred_on, 1, 7), 'country', coalesce(country, ''), count(*)
      FROM aggressions GROUP BY 1, 3;
    INSERT INTO dashboard_counts (month, dimension, key, n)
      SELECT substr(a.occurred_on, 1, 7), 'type', t.code, count(*)
      FROM aggression_types t JOIN aggressions a ON a.id = t.aggression_id GROUP BY 1, 3;
    INSERT INTO dashboard_counts (month, dimension, key, n)
      SELECT substr(a.occurred_on, 1, 7), 'perpetrator', p.type, count(DISTINCT p.aggression_id)
      FROM perpetrators p JOIN aggressions a ON a.id = p.aggression_id GROUP BY 1, 3;

    CREATE TRIGGER dashboard_act_ai AFTER INSERT ON aggressions BEGIN
      INSERT INTO dashboard_counts (month, dimension, key, n)
        SELECT substr(new.occurred_on, 1, 7), d, k, 1 FROM ${ALL_OF('new')} WHERE true
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER dashboard_act_bd BEFORE DELETE ON aggressions BEGIN
      UPDATE dashboard_counts SET n = n - 1
      WHERE month = substr(old.occurred_on, 1, 7)
        AND (dimension, key) IN (SELECT d, k FROM ${ALL_OF('old')});
    END;
    CREATE TRIGGER dashboard_act_au AFTER UPDATE OF occurred_on, country ON aggressions
    WHEN substr(old.occurred_on, 1, 7) <> substr(new.occurred_on, 1, 7)
      OR old.country IS NOT new.country BEGIN
      UPDATE dashboard_counts SET n = n - 1
      WHERE month = substr(old.occurred_on, 1, 7)
        AND (dimension, key) IN (SELECT d, k FROM ${ALL_OF('old')});
      INSERT INTO dashboard_counts (month, dimension, key, n)
        SELECT substr(new.occurred_on, 1, 7), d, k, 1 FROM ${ALL_OF('new')} WHERE true
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;

    CREATE TRIGGER dashboard_type_ai AFTER INSERT ON aggression_types BEGIN
      INSERT INTO dashboard_counts (month, dimension, key, n)
        SELECT substr(occurred_on, 1, 7), 'type', new.code, 1 FROM aggressions
        WHERE id = new.aggression_id
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER dashboard_type_ad AFTER DELETE ON aggression_types BEGIN
      UPDATE dashboard_counts SET n = n - 1
      WHERE dimension = 'type' AND key = old.code
        AND month = (SELECT substr(occurred_on, 1, 7) FROM aggressions WHERE id = old.aggression_id);
    END;
    CREATE TRIGGER dashboard_type_au AFTER UPDATE OF code, aggression_id ON aggression_types
    WHEN old.code IS NOT new.code OR old.aggression_id IS NOT new.aggression_id BEGIN
      UPDATE dashboard_counts SET n = n - 1
      WHERE dimension = 'type' AND key = old.code
        AND month = (SELECT substr(occurred_on, 1, 7) FROM aggressions WHERE id = old.aggression_id);
      INSERT INTO dashboard_counts (month, dimension, key, n)
        SELECT substr(occurred_on, 1, 7), 'type', new.code, 1 FROM aggressions
        WHERE id = new.aggression_id
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;

    -- Perpetrator types count once per act: only the first of a type adds, only the last removes.
    CREATE TRIGGER dashboard_perpetrator_ai AFTER INSERT ON perpetrators
    WHEN NOT EXISTS (SELECT 1 FROM perpetrators
      WHERE aggression_id = new.aggression_id AND type = new.type AND id <> new.id) BEGIN
      INSERT INTO dashboard_counts (month, dimension, key, n)
        SELECT substr(occurred_on, 1, 7), 'perpetrator', new.type, 1 FROM aggressions
        WHERE id = new.aggression_id
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER dashboard_perpetrator_ad AFTER DELETE ON perpetrators
    WHEN NOT EXISTS (SELECT 1 FROM perpetrators
      WHERE aggression_id = old.aggression_id AND type = old.type) BEGIN
      UPDATE dashboard_counts SET n = n - 1
      WHERE dimension = 'perpetrator' AND key = old.type
        AND month = (SELECT substr(occurred_on, 1, 7) FROM aggressions WHERE id = old.aggression_id);
    END;
    CREATE TRIGGER dashboard_perpetrator_au AFTER UPDATE OF type, aggression_id ON perpetrators
    WHEN old.type IS NOT new.type OR old.aggression_id IS NOT new.aggression_id BEGIN
      UPDATE dashboard_counts SET n = n - 1
      WHERE dimension = 'perpetrator' AND key = old.type
        AND month = (SELECT substr(occurred_on, 1, 7) FROM aggressions WHERE id = old.aggression_id)
        AND NOT EXISTS (SELECT 1 FROM perpetrators
          WHERE aggression_id = old.aggression_id AND type = old.type);
      INSERT INTO dashboard_counts (month, dimension, key, n)
        SELECT substr(occurred_on, 1, 7), 'perpetrator', new.type, 1 FROM aggressions
        WHERE id = new.aggression_id AND NOT EXISTS (SELECT 1 FROM perpetrators
          WHERE aggression_id = new.aggression_id AND type = new.type AND id <> new.id)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
  `,
};
