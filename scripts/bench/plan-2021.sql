-- plan-2021.sql — the floor of `kehoach run plans/lao-cai-city-2021.lua`: the same results,
-- computed by hand in plain SQL with SQLite's own shell, for scripts/bench.sh to set the
-- run's time against (issue 18). The plan's declarations are written into the SQL as an
-- engineer would copy them from the plan; every count, rank and cost comes from the registry.
--
-- Run:  sqlite3 -bail OUT.db -cmd "ATTACH 'file:REGISTRY?mode=ro' AS reg" < scripts/bench/plan-2021.sql
--
-- It writes into OUT.db what the run writes into its results database: the allocations
-- (every eligible household of each support in the communes it reaches, chosen by quota
-- and rank or waitlisted; priced), the projection's households, and the figures, under
-- the paths summary.json gives them (tests/floor.sh checks each against the run's);
-- and allocations.csv in the current folder, as the run writes it.
--
-- What the plan says, and where it is in the SQL:
--   review 2020 under vn-2016 (poor line 700.000/900.000 đồng rural/urban, near-poor
--   1.000.000/1.300.000; poor below the near-poor line with 3 of its 10 deprivations)
--   tro_cap       poor, unable to escape; 250.000 đồng/person/month × 12; city budget
--   dao_tao_nghe  poor, needs training; quota; lowest income first; 3 million; province
--   vay_von       poor, needs credit; quota; lowest income first; 50 million; loans
--   bo_giong      poor, needs livestock; quota; lowest income first; 80 cows × 25 million; province
--   bhyt          poor or near-poor, or ethnic minority in a difficult commune; no cost
--   nha_o         poor, needs housing; quota; lowest income first; 30 million; contributions
--   effects       +100.000 (training) and +160.000 (credit) đồng/person/month from July;
--                 health insurance cleared from April; housing quality and area from October
--   target        90 households out of poverty, by commune

BEGIN;
DROP TABLE IF EXISTS allocations;
DROP TABLE IF EXISTS projected_households;
DROP TABLE IF EXISTS figures;

-- ---- the plan ------------------------------------------------------------------------------

CREATE TEMP TABLE communes AS
  SELECT c.code, c.name, c.urban, c.difficult, row_number() OVER (ORDER BY c.code) AS ord
  FROM reg.units c JOIN reg.units d ON d.code = c.parent
  WHERE d.name = 'Thành phố Lào Cai' AND c.level = 'commune';

CREATE TEMP TABLE supports(id TEXT PRIMARY KEY, ord INTEGER, vnd INTEGER, basis TEXT, months INTEGER,
  units INTEGER, source TEXT, period TEXT);
INSERT INTO supports VALUES
  ('tro_cap', 1, 250000, 'person_month', 12, NULL, 'ngan_sach_thanh_pho', '01-12'),
  ('dao_tao_nghe', 2, 3000000, 'household', NULL, NULL, 'ngan_sach_tinh', 'Q2'),
  ('vay_von', 3, 50000000, 'household', NULL, NULL, 'von_vay', 'Q1-Q2'),
  ('bo_giong', 4, 25000000, 'unit', NULL, 80, 'ngan_sach_tinh', 'Q3-Q4'),
  ('bhyt', 5, NULL, NULL, NULL, NULL, NULL, 'Q2'),
  ('nha_o', 6, 30000000, 'household', NULL, NULL, 'xa_hoi_hoa', 'Q3-Q4');

-- the registry writes "Vạn Hòa" where the plan writes "Vạn Hoà"
CREATE TEMP TABLE quota(programme TEXT, commune TEXT, n INTEGER, ord INTEGER);
INSERT INTO quota VALUES
  ('dao_tao_nghe', 'Tả Phời', 14, 1), ('dao_tao_nghe', 'Thống Nhất', 1, 2), ('dao_tao_nghe', 'Nam Cường', 1, 3),
  ('vay_von', 'Thống Nhất', 39, 1), ('vay_von', 'Tả Phời', 9, 2),
  ('bo_giong', 'Hợp Thành', 6, 1), ('bo_giong', 'Cốc San', 2, 2), ('bo_giong', 'Tả Phời', 1, 3),
  ('bo_giong', 'Vạn Hòa', 1, 4),
  ('nha_o', 'Tả Phời', 7, 1), ('nha_o', 'Cốc San', 4, 2), ('nha_o', 'Thống Nhất', 14, 3), ('nha_o', 'Hợp Thành', 7, 4);

CREATE TEMP TABLE target(commune TEXT, n INTEGER);
INSERT INTO target VALUES ('Tả Phời', 30), ('Thống Nhất', 40), ('Hợp Thành', 15), ('Cốc San', 2),
  ('Nam Cường', 1), ('Pom Hán', 1), ('Vạn Hòa', 1);

CREATE TEMP TABLE effects(programme TEXT, month INTEGER, income INTEGER, indicator TEXT);
INSERT INTO effects VALUES ('dao_tao_nghe', 7, 100000, NULL), ('vay_von', 7, 160000, NULL),
  ('bo_giong', 10, 0, NULL), ('bhyt', 4, NULL, 'd_health_insurance'),
  ('nha_o', 10, NULL, 'd_housing_quality'), ('nha_o', 10, NULL, 'd_housing_area');

-- ---- households and poverty at the review ------------------------------------------------

CREATE TEMP TABLE poverty AS
  SELECT c.code AS unit, c.name AS commune, count(*) AS households,
    count(*) FILTER (WHERE s.status = 'poor') AS poor,
    count(*) FILTER (WHERE s.status = 'near_poor') AS near_poor
  FROM reg.surveys s JOIN reg.households h ON h.id = s.household JOIN communes c ON c.code = h.unit
  WHERE s.year = 2020 GROUP BY c.code;

-- every household some support can reach: the poor and near-poor, and the ethnic
-- minorities of difficult communes (bhyt's; the other supports' are poor)
CREATE TEMP TABLE reached AS
  SELECT h.id, h.code, h.head, c.code AS unit, c.name AS commune, c.urban, s.income, s.status,
    s.unable_to_escape,
    coalesce(s.d_health_access, 0) + coalesce(s.d_health_insurance, 0) + coalesce(s.d_adult_education, 0) +
      coalesce(s.d_child_schooling, 0) + coalesce(s.d_housing_quality, 0) + coalesce(s.d_housing_area, 0) +
      coalesce(s.d_water, 0) + coalesce(s.d_latrine, 0) + coalesce(s.d_telecom, 0) +
      coalesce(s.d_information, 0) AS deprivations,
    (SELECT count(*) FROM reg.persons p WHERE p.household = h.id) AS persons,
    (SELECT group_concat(n.kind) FROM reg.needs n WHERE n.household = h.id AND n.year = 2020) AS needs
  FROM reg.surveys s JOIN reg.households h ON h.id = s.household JOIN communes c ON c.code = h.unit
  WHERE s.year = 2020 AND (s.status IN ('poor', 'near_poor') OR (c.difficult = 1 AND h.ethnic_minority = 1));

-- ---- who is eligible, ranked within the commune -------------------------------------------

CREATE TEMP TABLE eligible AS
  SELECT 'tro_cap' AS programme, r.*, row_number() OVER (PARTITION BY unit ORDER BY code) AS rank
    FROM reached r WHERE status = 'poor' AND unable_to_escape = 1
  UNION ALL
  SELECT 'dao_tao_nghe', r.*, row_number() OVER (PARTITION BY unit ORDER BY income, deprivations DESC, code)
    FROM reached r WHERE status = 'poor' AND ',' || needs || ',' LIKE '%,training,%'
  UNION ALL
  SELECT 'vay_von', r.*, row_number() OVER (PARTITION BY unit ORDER BY income, deprivations DESC, code)
    FROM reached r WHERE status = 'poor' AND ',' || needs || ',' LIKE '%,credit,%'
  UNION ALL
  SELECT 'bo_giong', r.*, row_number() OVER (PARTITION BY unit ORDER BY income, deprivations DESC, code)
    FROM reached r WHERE status = 'poor' AND ',' || needs || ',' LIKE '%,livestock,%'
  UNION ALL
  SELECT 'bhyt', r.*, row_number() OVER (PARTITION BY unit ORDER BY code)
    FROM reached r
  UNION ALL
  SELECT 'nha_o', r.*, row_number() OVER (PARTITION BY unit ORDER BY income, deprivations DESC, code)
    FROM reached r WHERE status = 'poor' AND ',' || needs || ',' LIKE '%,housing,%';

-- ---- allotted by quota, then priced ------------------------------------------------------

-- a support with quotas reaches only their communes: the first n by rank are chosen, the
-- rest wait; one without chooses every eligible household. In the plan's order, each
-- support's in quota order, then the communes' order, then rank.
CREATE TABLE allocations AS
  SELECT e.programme, e.unit, e.commune, e.code AS household, e.head, e.persons, e.income, e.deprivations,
    e.rank, CASE WHEN q.n IS NULL OR e.rank <= q.n THEN 'chosen' ELSE 'waitlisted' END AS status,
    CAST(NULL AS INTEGER) AS units, 0 AS amount, 0 AS need, g.source, g.period, e.status AS recorded
  FROM eligible e JOIN supports g ON g.id = e.programme JOIN communes c ON c.code = e.unit
  LEFT JOIN quota q ON q.programme = e.programme AND q.commune = e.commune
  WHERE q.n IS NOT NULL OR NOT EXISTS (SELECT 1 FROM quota x WHERE x.programme = e.programme)
  ORDER BY g.ord, coalesce(q.ord, 0), c.ord, e.rank;

-- the cows shared in allocation order, the first households one more when uneven
UPDATE allocations SET units = 80 / o.n + (o.k <= 80 % o.n)
  FROM (SELECT rowid AS r, row_number() OVER (ORDER BY rowid) AS k, count(*) OVER () AS n
        FROM allocations WHERE programme = 'bo_giong' AND status = 'chosen') o
  WHERE allocations.rowid = o.r;

UPDATE allocations SET amount = x.amount, need = x.amount
  FROM (SELECT a.rowid AS r, CASE g.basis WHEN 'person_month' THEN a.persons * g.vnd * g.months
          WHEN 'household' THEN g.vnd WHEN 'unit' THEN a.units * g.vnd END AS amount
        FROM allocations a JOIN supports g ON g.id = a.programme
        WHERE a.status = 'chosen' AND g.vnd IS NOT NULL) x
  WHERE allocations.rowid = x.r;

-- ---- the projection ------------------------------------------------------------------------

-- the poor households chosen for a support with an effect, at each quarter's end: their
-- income per person and deprivations with the effects that have begun, classified by
-- vn-2016; a household escapes in the first quarter it is not poor, if poor at the review
CREATE TEMP TABLE affected AS
  SELECT a.household, r.unit, r.commune, r.urban, r.income, r.status,
    coalesce(sum(e.income) FILTER (WHERE e.month <= 3), 0) AS i1,
    coalesce(sum(e.income) FILTER (WHERE e.month <= 6), 0) AS i2,
    coalesce(sum(e.income) FILTER (WHERE e.month <= 9), 0) AS i3,
    coalesce(sum(e.income) FILTER (WHERE e.month <= 12), 0) AS i4,
    min(e.month) FILTER (WHERE e.indicator = 'd_health_insurance') AS c_insurance,
    min(e.month) FILTER (WHERE e.indicator = 'd_housing_quality') AS c_quality,
    min(e.month) FILTER (WHERE e.indicator = 'd_housing_area') AS c_area
  FROM allocations a JOIN effects e ON e.programme = a.programme
  JOIN reached r ON r.code = a.household
  WHERE a.status = 'chosen' AND a.recorded = 'poor'
  GROUP BY a.household;

CREATE TABLE projected_households AS
  WITH q(n) AS (VALUES (0), (1), (2), (3), (4)),
  v AS (
    SELECT x.household, x.unit, x.commune, q.n AS quarter,
      x.income + CASE q.n WHEN 0 THEN 0 WHEN 1 THEN x.i1 WHEN 2 THEN x.i2 WHEN 3 THEN x.i3 ELSE x.i4 END AS income,
      coalesce(s.d_health_access, 0) + coalesce(s.d_adult_education, 0) + coalesce(s.d_child_schooling, 0) +
        coalesce(s.d_water, 0) + coalesce(s.d_latrine, 0) + coalesce(s.d_telecom, 0) + coalesce(s.d_information, 0) +
        CASE WHEN x.c_insurance <= 3 * q.n THEN 0 ELSE coalesce(s.d_health_insurance, 0) END +
        CASE WHEN x.c_quality <= 3 * q.n THEN 0 ELSE coalesce(s.d_housing_quality, 0) END +
        CASE WHEN x.c_area <= 3 * q.n THEN 0 ELSE coalesce(s.d_housing_area, 0) END AS deprivations,
      x.urban
    FROM affected x JOIN reg.households h ON h.code = x.household
    JOIN reg.surveys s ON s.household = h.id AND s.year = 2020, q),
  p AS (
    SELECT household, unit, commune, quarter,
      income <= CASE urban WHEN 1 THEN 900000 ELSE 700000 END
        OR (income <= CASE urban WHEN 1 THEN 1300000 ELSE 1000000 END AND deprivations >= 3) AS poor
    FROM v)
  SELECT household, unit, commune,
    CASE WHEN max(poor) FILTER (WHERE quarter = 0) THEN min(quarter) FILTER (WHERE quarter > 0 AND NOT poor) END
      AS escaped
  FROM p GROUP BY household;

-- ---- the figures ---------------------------------------------------------------------------

CREATE TABLE figures(path TEXT PRIMARY KEY, value);

INSERT INTO figures
  SELECT 'registry.households', sum(households) FROM poverty
  UNION ALL SELECT 'registry.poor', sum(poor) FROM poverty
  UNION ALL SELECT 'registry.near_poor', sum(near_poor) FROM poverty
  UNION ALL SELECT 'registry.by_commune.' || commune || '.households', households FROM poverty
  UNION ALL SELECT 'registry.by_commune.' || commune || '.poor', poor FROM poverty
  UNION ALL SELECT 'registry.by_commune.' || commune || '.near_poor', near_poor FROM poverty;

-- each support's households, persons, units and cost, in all and by commune
CREATE TEMP TABLE by_commune AS
  SELECT programme, commune, count(*) FILTER (WHERE status = 'chosen') AS households,
    coalesce(sum(persons) FILTER (WHERE status = 'chosen'), 0) AS persons,
    coalesce(sum(units) FILTER (WHERE status = 'chosen'), 0) AS units,
    sum(amount) AS cost, sum(need) AS need, 0 AS unfunded,
    count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted, count(*) AS eligible
  FROM allocations GROUP BY programme, commune;
INSERT INTO figures
  SELECT 'programmes.' || programme || '.by_commune.' || commune || '.' || k.key, k.value
  FROM (SELECT programme, commune, json_object('households', households, 'persons', persons, 'units', units,
          'cost', cost, 'need', need, 'unfunded', unfunded, 'waitlisted', waitlisted) AS o FROM by_commune) b,
    json_each(b.o) k;
INSERT INTO figures
  SELECT 'programmes.' || programme || '.' || k.key, k.value
  FROM (SELECT programme, json_object('households', sum(households), 'persons', sum(persons), 'units', sum(units),
          'cost', sum(cost), 'need', sum(need), 'unfunded', sum(unfunded), 'waitlisted', sum(waitlisted),
          'eligible', (SELECT count(*) FROM eligible e WHERE e.programme = b.programme)) AS o
        FROM by_commune b GROUP BY programme) b,
    json_each(b.o) k;
-- eligible households in communes a support's quotas do not name
INSERT INTO figures
  SELECT 'programmes.' || e.programme || '.outside.' || e.commune, count(*)
  FROM eligible e WHERE EXISTS (SELECT 1 FROM quota q WHERE q.programme = e.programme)
    AND NOT EXISTS (SELECT 1 FROM quota q WHERE q.programme = e.programme AND q.commune = e.commune)
  GROUP BY e.programme, e.commune;

-- cost by funding source
INSERT INTO figures
  SELECT 'budget.sources.' || source || '.computed', sum(need) FROM allocations WHERE source IS NOT NULL
    GROUP BY source
  UNION ALL SELECT 'budget.sources.' || source || '.spent', sum(amount) FROM allocations WHERE source IS NOT NULL
    GROUP BY source
  UNION ALL SELECT 'budget.total_computed', sum(need) FROM allocations
  UNION ALL SELECT 'budget.total_spent', sum(amount) FROM allocations;

-- households the budget pays for, each once; households chosen for two supports or more
INSERT INTO figures
  SELECT 'reached.households', count(*) FROM (SELECT DISTINCT household FROM allocations
    WHERE status = 'chosen' AND amount > 0)
  UNION ALL SELECT 'reached.persons', sum(persons) FROM (SELECT household, max(persons) AS persons
    FROM allocations WHERE status = 'chosen' AND amount > 0 GROUP BY household)
  UNION ALL SELECT 'reached.by_commune.' || commune || '.' || k.key, k.value
    FROM (SELECT commune, json_object('households', count(*), 'persons', sum(persons)) AS o
          FROM (SELECT commune, household, max(persons) AS persons FROM allocations
                WHERE status = 'chosen' AND amount > 0 GROUP BY commune, household)
          GROUP BY commune), json_each(o) k;
CREATE TEMP TABLE overlap AS
  SELECT commune, household FROM allocations WHERE status = 'chosen'
  GROUP BY commune, household HAVING count(DISTINCT programme) >= 2;
INSERT INTO figures
  SELECT 'overlap.households', count(*) FROM overlap
  UNION ALL SELECT 'overlap.by_commune.' || c.name, (SELECT count(*) FROM overlap o WHERE o.commune = c.name)
    FROM communes c;

-- the target against the review, then against the projection, quarter by quarter
INSERT INTO figures
  SELECT 'targets.giam_ho_ngheo.rate_computed', round(90 * 100.0 / sum(households), 2) FROM poverty
  UNION ALL SELECT 'targets.giam_ho_ngheo.poor_at_end_computed', sum(poor) - 90 FROM poverty
  UNION ALL SELECT 'targets.giam_ho_ngheo.rate_at_end_computed', round((sum(poor) - 90) * 100.0 / sum(households), 2)
    FROM poverty;
CREATE TEMP TABLE quarters AS
  WITH q(n) AS (VALUES (1), (2), (3), (4))
  SELECT q.n AS quarter, c.name AS commune, coalesce(p.households, 0) AS households,
    (SELECT count(*) FROM projected_households x WHERE x.commune = c.name AND x.escaped = q.n) AS escapes,
    coalesce(p.poor, 0) - (SELECT count(*) FROM projected_households x WHERE x.commune = c.name AND x.escaped <= q.n)
      AS poor
  FROM q, communes c LEFT JOIN poverty p ON p.unit = c.code;
INSERT INTO figures
  SELECT 'projection.by_quarter.Q' || quarter || '.escapes.' || commune, escapes FROM quarters
  UNION ALL SELECT 'projection.by_quarter.Q' || quarter || '.poor.' || commune, poor FROM quarters
  UNION ALL SELECT 'projection.by_quarter.Q' || quarter || '.escapes_total', sum(escapes) FROM quarters GROUP BY quarter
  UNION ALL SELECT 'projection.by_quarter.Q' || quarter || '.poor_total', sum(poor) FROM quarters GROUP BY quarter
  UNION ALL SELECT 'projection.by_quarter.Q' || quarter || '.rate', round(sum(poor) * 100.0 / sum(households), 2)
    FROM quarters GROUP BY quarter
  UNION ALL SELECT 'projection.year_end.poor.' || commune, poor FROM quarters WHERE quarter = 4
  UNION ALL SELECT 'projection.year_end.rate_by_commune.' || commune, round(poor * 100.0 / households, 2)
    FROM quarters WHERE quarter = 4
  UNION ALL SELECT 'projection.year_end.escapes.' || commune, sum(escapes) FROM quarters GROUP BY commune
  UNION ALL SELECT 'projection.year_end.escapes_total', sum(escapes) FROM quarters
  UNION ALL SELECT 'projection.year_end.poor_total', sum(poor) FROM quarters WHERE quarter = 4
  UNION ALL SELECT 'projection.year_end.rate', round(sum(poor) * 100.0 / sum(households), 2) FROM quarters
    WHERE quarter = 4
  UNION ALL SELECT 'projection.year_end.rate_points', round(sum(escapes) * 100.0 / (SELECT sum(households)
    FROM poverty), 2) FROM quarters
  UNION ALL SELECT 'projection.households_escaping', count(escaped) FROM projected_households
  UNION ALL SELECT 'projection.poor_households_affected', count(*) FROM projected_households
  UNION ALL SELECT 'projection.households_affected', count(DISTINCT household) FROM allocations
    WHERE status = 'chosen' AND programme IN (SELECT programme FROM effects);
INSERT INTO figures
  SELECT 'projection.targets.giam_ho_ngheo.projected_by_commune.' || t.commune, sum(q.escapes)
    FROM target t JOIN quarters q ON q.commune = t.commune GROUP BY t.commune
  UNION ALL SELECT 'projection.targets.giam_ho_ngheo.short.' || t.commune, t.n - sum(q.escapes)
    FROM target t JOIN quarters q ON q.commune = t.commune GROUP BY t.commune HAVING t.n > sum(q.escapes)
  UNION ALL SELECT 'projection.targets.giam_ho_ngheo.short_in_communes', sum(t.n - (SELECT sum(escapes)
    FROM quarters q WHERE q.commune = t.commune)) FROM target t
    WHERE t.n > (SELECT sum(escapes) FROM quarters q WHERE q.commune = t.commune)
  UNION ALL SELECT 'projection.targets.giam_ho_ngheo.projected', sum(escapes) FROM quarters
  UNION ALL SELECT 'projection.targets.giam_ho_ngheo.by_quarter.Q' || quarter || '.projected',
    (SELECT sum(escapes) FROM quarters y WHERE y.quarter <= x.quarter) FROM quarters x GROUP BY quarter
  UNION ALL SELECT 'projection.targets.giam_ho_ngheo.short_by', max(0, 90 - sum(escapes)) FROM quarters
  UNION ALL SELECT 'projection.targets.giam_ho_ngheo.over_by', max(0, sum(escapes) - 90) FROM quarters;

COMMIT;

-- ---- allocations.csv -----------------------------------------------------------------------

.headers on
.mode csv
.once allocations.csv
SELECT programme, commune, household, head, persons, rank, status, units, amount, source, period
FROM allocations ORDER BY rowid;
