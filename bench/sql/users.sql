-- Users for the benchmarks and the load test on a generated province (scripts/bench.sh runs it; idempotent).
-- They share the demo users' password (DangVien2026): the hash of the demo user 'bithu' is copied, so the app
-- must have created the demo users once (it does with --seed-demo on a database without users).
--   bench_province        provincial board (the whole province)
--   bench_commune         committee staff of the commune whose subtree holds the number of cells closest to 50
--   bench_cell            secretary of that commune's cell with the most files in progress
--   bench_commune_1..12   committee staff of twelve other communes (the load test's writers)
--   bench_cell_1..16      secretaries of sixteen cells spread over the province (the load test's readers)
BEGIN;

CREATE TEMP TABLE bench_units ON COMMIT DROP AS
WITH communes AS (
    SELECT c.id, c.path,
           (SELECT count(*) FROM org_units x WHERE x.path <@ c.path AND x.kind IN (4, 5)) AS cells
    FROM org_units c WHERE c.kind = 2 AND c.valid_to IS NULL
), chosen AS (
    SELECT id, path FROM communes ORDER BY abs(cells - 50), id LIMIT 1
), busiest_cell AS (
    SELECT u.id FROM org_units u, chosen
    WHERE u.path <@ chosen.path AND u.kind IN (4, 5)
    ORDER BY (SELECT count(*) FROM candidates k WHERE k.cell_id = u.id AND k.stage < 100) DESC, u.id LIMIT 1
), other_communes AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM communes WHERE id <> (SELECT id FROM chosen)
), spread_cells AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM org_units WHERE kind IN (4, 5) AND id % 97 = 0
)
SELECT 'bench_province' AS user_name, (SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1) AS unit_id, 1 AS role
UNION ALL SELECT 'bench_commune', (SELECT id FROM chosen), 2
UNION ALL SELECT 'bench_cell', (SELECT id FROM busiest_cell), 3
UNION ALL SELECT 'bench_commune_' || n, id, 2 FROM other_communes WHERE n <= 12
UNION ALL SELECT 'bench_cell_' || n, id, 3 FROM spread_cells WHERE n <= 16;

INSERT INTO asp_net_users (id, full_name, user_name, normalized_user_name, email_confirmed, password_hash, security_stamp,
                           concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT 'bench-' || b.user_name, 'Người dùng đo tải ' || b.user_name, b.user_name, upper(b.user_name), false, d.password_hash,
       d.security_stamp, gen_random_uuid()::text, false, false, false, 0
FROM bench_units b, asp_net_users d
WHERE d.user_name = 'bithu'
ON CONFLICT (id) DO NOTHING;

INSERT INTO role_assignments (user_id, org_unit_id, role)
SELECT 'bench-' || user_name, unit_id, role FROM bench_units
ON CONFLICT (user_id, org_unit_id, role) DO NOTHING;

COMMIT;

SELECT u.user_name, r.role, o.name,
       (SELECT count(*) FROM org_units x WHERE x.path <@ o.path AND x.kind IN (4, 5)) AS cells
FROM asp_net_users u JOIN role_assignments r ON r.user_id = u.id JOIN org_units o ON o.id = r.org_unit_id
WHERE u.user_name IN ('bench_province', 'bench_commune', 'bench_cell', 'bench_commune_1', 'bench_cell_1')
ORDER BY u.user_name;
