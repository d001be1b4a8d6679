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
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)
WHERE $notice = 'all' AND coalesce(p.status, 'unstated') = $status
RETURN p.id AS problem, p.text AS text, p.deadline AS deadline, n.id AS notice_id,
       n.title AS notice_title, n.published AS published, p.ordinal AS ordinal,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, ordinal, problem
LIMIT $limit
