// when: scope is 'measure'
// Each pair once (a.id < b.id). One part per scope, each ordered and limited; $scope picks the
// part (the registry sorts the union's rows: see `sort`). A measure's notice is m.notice_id.
// The measures (or notices) citing a pair are its detail (co-citations). No part returns one
// expression twice: LadybugDB then mixes up (or fails on) union columns; two count(DISTINCT …)
// in the second part crash LadybugDB 0.22 (segfault), hence size(collect(DISTINCT …)).
MATCH (a:Regulation)<-[:CITES]-(m:Measure)-[:CITES]->(b:Regulation)
WHERE $scope = 'measure' AND a.id < b.id
  AND (a.id = $regulation OR b.id = $regulation OR $regulation IS NULL)
WITH a, b, count(DISTINCT m) AS together, count(DISTINCT m.notice_id) AS notices
WHERE together >= $min_count
RETURN a.id AS regulation_a, a.title AS title_a, b.id AS regulation_b, b.title AS title_b,
       together AS count, notices
ORDER BY count DESC, regulation_a, regulation_b
LIMIT $limit
UNION ALL
// when: scope is 'notice'
MATCH (a:Regulation)<-[:CITES]-(n:Notice)-[:CITES]->(b:Regulation)
WHERE $scope = 'notice' AND a.id < b.id
  AND (a.id = $regulation OR b.id = $regulation OR $regulation IS NULL)
WITH a, b, count(DISTINCT n) AS together, size(collect(DISTINCT n.id)) AS notices
WHERE together >= $min_count
RETURN a.id AS regulation_a, a.title AS title_a, b.id AS regulation_b, b.title AS title_b,
       together AS count, notices
ORDER BY count DESC, regulation_a, regulation_b
LIMIT $limit
