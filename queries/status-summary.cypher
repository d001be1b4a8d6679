// Two parts joined by UNION ALL (rows sorted by the registry: see `sort`). No part returns
// one expression twice or a null column (LadybugDB limits on UNION).
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)
WITH n, coalesce(p.status, 'unstated') AS status, collect(p.id) AS problem_ids
RETURN 'notice' AS scope, n.id AS notice_id, n.title AS title, status,
       size(problem_ids) AS problems, COUNT { MATCH (n)-[:CONTAINS]->(:Problem) } AS total,
       [n.id] AS notice_ids, problem_ids
UNION ALL
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)
WITH coalesce(p.status, 'unstated') AS status, collect(DISTINCT n.id) AS notice_ids,
     collect(p.id) AS problem_ids
RETURN 'overall' AS scope, 'all' AS notice_id, 'all notices' AS title, status,
       size(problem_ids) AS problems, COUNT { MATCH (:Notice)-[:CONTAINS]->(:Problem) } AS total,
       notice_ids, problem_ids
