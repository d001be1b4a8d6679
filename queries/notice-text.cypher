// One notice with its round; `text` is what every span of the notice's items points into.
MATCH (n:Notice {id: $notice})
OPTIONAL MATCH (n)-[:REPORTS_ON]->(r:Round)
RETURN n.id AS notice_id, n.title AS title, n.published AS published, n.source AS source,
       n.problems_claimed AS problems_claimed, r.kind AS round_kind, r.level AS round_level,
       r.team AS team, r.name AS round_name, r.start_date AS inspection_start,
       r.end_date AS inspection_end, r.feedback_date AS feedback,
       n.span_start AS span_start, n.span_end AS span_end, n.text AS text
