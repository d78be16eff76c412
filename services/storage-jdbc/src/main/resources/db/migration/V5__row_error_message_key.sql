-- A row error names its reason in the message catalog (key and parameters), so it reads in the
-- caller's language; rows stored before keep their English message alone.
ALTER TABLE batch_error ADD COLUMN message_key VARCHAR(100);
ALTER TABLE batch_error ADD COLUMN message_parameters VARCHAR(4000);
