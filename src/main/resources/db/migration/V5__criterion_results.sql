-- The Go/No-Go criterion a check measured (criterion: in golive.yaml), so that the server's view and
-- reports show each criterion's actual value, status and evidence.
ALTER TABLE check_results ADD COLUMN criterion_id VARCHAR(500);
