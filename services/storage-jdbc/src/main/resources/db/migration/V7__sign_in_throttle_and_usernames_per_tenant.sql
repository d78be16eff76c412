-- Failed sign-ins, per account ('user:<name>') and per client address ('address:<ip>'), shared by every
-- node and kept across restarts: a fixed window of failures per key and, past the limit, a lock-out.
CREATE TABLE sign_in_throttle (
    throttle_key  VARCHAR(300) PRIMARY KEY,
    failures      INT          NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_sign_in_throttle_window ON sign_in_throttle (window_start);

-- Addresses an account signed in from: a locked-out address does not lock out the accounts that
-- recently signed in from it with their password (an office behind one address keeps working).
CREATE TABLE sign_in_known_address (
    username      VARCHAR(200) NOT NULL,
    address       VARCHAR(100) NOT NULL,
    last_success  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, address)
);

-- Usernames are unique within a tenant, not across tenants: another tenant's admin cannot learn that
-- a username exists by trying to create it.
ALTER TABLE app_user DROP CONSTRAINT uq_app_user_username;
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_tenant_username UNIQUE (tenant_id, username);
CREATE INDEX ix_app_user_username ON app_user (username);
