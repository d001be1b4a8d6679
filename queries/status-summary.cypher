// One pass: the problems per notice and status, then each of those counted twice (UNWIND),
// once for its notice and once for all notices. The overall rows come first so a limit keeps
// them; the registry then sorts per notice first, overall last (see `sort`).
MATCH (:Notice)-[:CONTAINS]->(q:Problem)
WITH count(q) AS all_problems
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)
WITH all_problems, n, coalesce(p.status, 'unstated') AS status, count(p) AS problems
WITH all_problems, n, status, problems, COUNT { MATCH (n)-[:CONTAINS]->(:Problem) } AS in_notice
UNWIND ['overall', 'notice'] AS scope
WITH scope, CASE WHEN scope = 'notice' THEN n.id ELSE 'all' END AS notice_id,
     CASE WHEN scope = 'notice' THEN n.title ELSE 'all notices' END AS title, status,
     CASE WHEN scope = 'notice' THEN in_notice ELSE all_problems END AS total, sum(problems) AS problems
RETURN scope, notice_id, title, status, problems, total
ORDER BY scope DESC, notice_id, status
LIMIT $limit
