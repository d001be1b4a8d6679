// Each statement of one metric and unit in one notice (the detail of a figures row).
MATCH (n:Notice {id: $notice})-[:REPORTS_FIGURE]->(f:Figure)
WHERE f.metric = $metric AND f.unit = $unit
RETURN f.id AS figure, f.metric AS metric, f.value AS value, f.unit AS unit,
       n.id AS notice_id, f.span_start AS span_start, f.span_end AS span_end
ORDER BY span_start, figure
LIMIT $limit
