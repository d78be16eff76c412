-- An audit event's target and detail are catalog messages (key and parameters, like a batch's failure since V9), so
-- the audit log reads in the reader's language; target and detail keep their English text. Events recorded before
-- have no key and are shown as stored.
ALTER TABLE audit_event ADD COLUMN target_key VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN target_parameters VARCHAR(4000);
ALTER TABLE audit_event ADD COLUMN detail_key VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN detail_parameters VARCHAR(4000);
