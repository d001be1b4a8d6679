// Each pair once (a.id < b.id). One part per scope, each ordered and limited; $scope picks the
// part (the registry sorts the union's rows: see `sort`). A measure's notice is m.notice_id.
// No part returns one expression twice: LadybugDB then mixes up (or fails on) union columns.
MATCH (a:Regulation)<-[:CITES]-(m:Measure)-[:CITES]->(b:Regulation)
WHERE $scope = 'measure' AND a.id < b.id
  AND (a.id = $regulation OR b.id = $regulation OR $regulation IS NULL)
WITH a, b, collect(DISTINCT m.id) AS measure_ids, collect(DISTINCT m.notice_id) AS notice_ids
WHERE size(measure_ids) >= $min_count
RETURN a.id AS regulation_a, a.title AS title_a, b.id AS regulation_b, b.title AS title_b,
       size(measure_ids) AS count, size(notice_ids) AS notices, measure_ids, notice_ids
ORDER BY count DESC, regulation_a, regulation_b
LIMIT $limit
UNION ALL
MATCH (a:Regulation)<-[:CITES]-(n:Notice)-[:CITES]->(b:Regulation)
WHERE $scope = 'notice' AND a.id < b.id
  AND (a.id = $regulation OR b.id = $regulation OR $regulation IS NULL)
OPTIONAL MATCH (a)<-[:CITES]-(m:Measure)-[:CITES]->(b)
WHERE m.notice_id = n.id
WITH a, b, count(DISTINCT n) AS together, collect(DISTINCT n.id) AS notice_ids,
     collect(DISTINCT m.id) AS measure_ids
WHERE together >= $min_count
RETURN a.id AS regulation_a, a.title AS title_a, b.id AS regulation_b, b.title AS title_b,
       together AS count, size(notice_ids) AS notices, measure_ids, notice_ids
ORDER BY count DESC, regulation_a, regulation_b
LIMIT $limit
