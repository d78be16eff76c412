-- Why a batch failed is a catalog message (key and parameters, like a row error's since V5), so it reads in
-- the reader's language; failure keeps its English text. The reasons the platform stored before in fixed
-- English words get their key here; any other old text (one with a file's own details) is kept as it was
-- and shown as stored.
ALTER TABLE ingest_batch ADD COLUMN failure_key VARCHAR(100);
ALTER TABLE ingest_batch ADD COLUMN failure_parameters VARCHAR(4000);

UPDATE ingest_batch SET failure_key = 'batch.failure.noValidScores', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'no valid scores in the file: every row was rejected';
UPDATE ingest_batch SET failure_key = 'batch.failure.interrupted', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'interrupted: the platform stopped while this batch was loading; nothing of it was published';
UPDATE ingest_batch SET failure_key = 'batch.failure.platformFault', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'the platform failed while loading this file (a fault of ours, not of the file); the log has the details';
UPDATE ingest_batch SET failure_key = 'file.unreadable', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'the file could not be read';
UPDATE ingest_batch SET failure_key = 'file.noHeader', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'the file has no header row';
UPDATE ingest_batch SET failure_key = 'file.noOrganizationColumn', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'line 1: no organization column (organization_code / รหัสหน่วยงาน or organization_name / ชื่อหน่วยงาน)';
UPDATE ingest_batch SET failure_key = 'file.longLayoutNeedsMetricAndValue', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'line 1: the long layout needs both a metric column (metric / ตัวชี้วัด) and a value column (value / คะแนน)';
UPDATE ingest_batch SET failure_key = 'file.noScoreColumns', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'line 1: no score columns: give metric + value columns (long layout) or a column per metric (wide layout)';
UPDATE ingest_batch SET failure_key = 'file.notText', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'the file contains NUL bytes: it is not text in UTF-8 or TIS-620 (UTF-16 text or a binary file?); save it as CSV UTF-8';
UPDATE ingest_batch SET failure_key = 'file.notXlsx', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'not a readable XLSX workbook (truncated or another format?)';
UPDATE ingest_batch SET failure_key = 'file.jsonNotRows', failure_parameters = '{}' WHERE failure_key IS NULL AND failure = 'expected a JSON array of rows, or an object with a "rows" array';
UPDATE ingest_batch SET failure_key = 'file.unreadable', failure_parameters = '{}' WHERE failure_key IS NULL AND failure LIKE 'the file could not be read: %';
