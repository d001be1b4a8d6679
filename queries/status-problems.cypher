// The problems behind one bar of status-summary: one notice's (or, with notice 'all', every
// notice's) problems with one status ('unstated': none stated). One part per case (the
// registry sorts the union's rows: see `sort`), so one notice is found by its id.
MATCH (n:Notice {id: $notice})-[:CONTAINS]->(p:Problem)
WHERE coalesce(p.status, 'unstated') = $status
RETURN p.id AS problem, p.text AS text, p.deadline AS deadline, n.id AS notice_id,
       n.title AS notice_title, n.published AS published, p.ordinal AS ordinal,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, ordinal, problem
LIMIT $limit
UNION ALL
// when: notice is 'all'
// The first $limit rows come from the first $limit notices (by publication, then id) that have
// a problem of the status (the tally Notice.status_names, graph/tallies.py, says which), so only
// those notices' problems are joined and sorted, not every notice's (OPTIONAL MATCH: expanded
// from each of them, not joined with every problem).
MATCH (n:Notice)
WHERE $notice = 'all' AND $status IN n.status_names
WITH n ORDER BY n.published, n.id LIMIT $limit
OPTIONAL MATCH (n)-[:CONTAINS]->(p:Problem)
WITH n, p WHERE p IS NOT NULL AND coalesce(p.status, 'unstated') = $status
RETURN p.id AS problem, p.text AS text, p.deadline AS deadline, n.id AS notice_id,
       n.title AS notice_title, n.published AS published, p.ordinal AS ordinal,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, ordinal, problem
LIMIT $limit
