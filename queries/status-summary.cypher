// Two parts (the registry sorts the union's rows and keeps the first $limit: see `sort`,
// `cut_after_sort`): over all notices, every problem
// counted once by status; per notice, the first $limit notices by id that have problems (the
// tally Notice.problems, graph/tallies.py, says which), each expanded to its problems; that
// part only when $per_notice.
// The overall counts: the problems grouped by status first (a handful of rows), then counted
// for the total (count, not sum: LadybugDB's sum is INT128, the other part's total INT64), so no
// count is carried along every problem.
MATCH (p:Problem)
WITH coalesce(p.status, 'unstated') AS status, count(*) AS problems
WITH collect({status: status, problems: problems}) AS counted
MATCH (q:Problem)
WITH counted, count(q) AS all_problems
UNWIND counted AS c
RETURN 'overall' AS scope, 'all' AS notice_id, 'all notices' AS title, c.status AS status,
       c.problems AS problems, all_problems AS total
UNION ALL
// when: per_notice is true
MATCH (n:Notice) WHERE n.problems > 0 AND $per_notice
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[:CONTAINS]->(p:Problem)
WITH n, coalesce(p.status, 'unstated') AS status, count(*) AS problems
RETURN 'notice' AS scope, n.id AS notice_id, n.title AS title, status, problems, n.problems AS total
ORDER BY notice_id, status
LIMIT $limit
