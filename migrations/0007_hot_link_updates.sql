ALTER TABLE "ballot_box" DROP CONSTRAINT "ballot_box_campaign_body_fk";
--> statement-breakpoint
DROP INDEX "invitations_body_status_idx";--> statement-breakpoint
CREATE INDEX "invitations_body_idx" ON "invitations" USING btree ("campaign_id","body_code");--> statement-breakpoint
-- Room on each page for a link's row to be rewritten in place (a HOT update):
-- opening, saving and submitting then touch no index.
ALTER TABLE "invitations" SET (fillfactor = 80);--> statement-breakpoint
-- A submission's receipt is a column of its link, written by the same update
-- that completes it, instead of a row (and a foreign-key check) of its own.
ALTER TABLE "invitations" ADD COLUMN "receipt_hash" bytea;--> statement-breakpoint
UPDATE "invitations" i SET "receipt_hash" = r."key_hash" FROM "submit_receipts" r WHERE r."invitation_id" = i."id";--> statement-breakpoint
DROP TABLE "submit_receipts";--> statement-breakpoint
ALTER TABLE "drafts" SET (fillfactor = 80);--> statement-breakpoint

-- A deleted body takes its waiting ballots with it (the foreign key is gone).
CREATE FUNCTION ballot_box_body_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ballot_box b USING old_rows o WHERE b.campaign_id = o.campaign_id AND b.body_code = o.code;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ballot_box_body_deleted AFTER DELETE ON campaign_bodies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ballot_box_body_deleted();
--> statement-breakpoint

-- Invitation updates are counted row by row, and only when a counted column
-- changes: an opening or a submission is one row, and the statement-level
-- version cost more (transition tables, a grouped query) than the upsert itself.
-- The same trigger clears a link's draft and devices when it is completed.
CREATE FUNCTION progress_invitation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- One shard per transaction, not per row: a statement that changes many links
  -- then holds one counter row per cell, which keeps two such statements from
  -- taking each other's counter rows in opposite orders.
  s smallint := txid_current() % 8;
  -- invitation_tally() spelled out: a SQL function called from PL/pgSQL is planned again on every call.
  n int[] := CASE WHEN NEW.status = 'cancelled' THEN ARRAY[0, 0, 0, 0, 0] ELSE ARRAY[1, (NEW.mail_status = 'sent')::int, (NEW.mail_status = 'bounced')::int,
    (NEW.first_opened_at IS NOT NULL OR NEW.status = 'completed')::int, (NEW.status = 'completed')::int] END;
  o int[] := CASE WHEN OLD.status = 'cancelled' THEN ARRAY[0, 0, 0, 0, 0] ELSE ARRAY[1, (OLD.mail_status = 'sent')::int, (OLD.mail_status = 'bounced')::int,
    (OLD.first_opened_at IS NOT NULL OR OLD.status = 'completed')::int, (OLD.status = 'completed')::int] END;
  day timestamptz := date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh';
BEGIN
  -- A completed link keeps nothing that names its answers or devices. This runs with a snapshot of its
  -- own (READ COMMITTED, a volatile function), so it also sees a draft saved by a request that held the
  -- link's row just before the submission took it: the submitting statement's snapshot would not.
  IF NEW.status = 'completed' AND OLD.status <> 'completed' THEN
    DELETE FROM drafts WHERE invitation_id = NEW.id;
    DELETE FROM invitation_devices WHERE invitation_id = NEW.id;
  END IF;
  IF (OLD.campaign_id, OLD.body_code, OLD.group_code) IS DISTINCT FROM (NEW.campaign_id, NEW.body_code, NEW.group_code) THEN
    INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, invited, delivered, bounced, opened, completed, last_activity_at)
    VALUES (OLD.campaign_id, OLD.body_code, OLD.group_code, s, -o[1], -o[2], -o[3], -o[4], -o[5], CASE WHEN o[4] <> 0 OR o[5] <> 0 THEN day END)
    ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET
      invited = c.invited + excluded.invited, delivered = c.delivered + excluded.delivered,
      bounced = c.bounced + excluded.bounced, opened = c.opened + excluded.opened,
      completed = c.completed + excluded.completed,
      last_activity_at = greatest(c.last_activity_at, excluded.last_activity_at);
    o := ARRAY[0, 0, 0, 0, 0];
  END IF;
  IF n = o THEN
    RETURN NULL;
  END IF;
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, invited, delivered, bounced, opened, completed, last_activity_at)
  VALUES (NEW.campaign_id, NEW.body_code, NEW.group_code, s, n[1] - o[1], n[2] - o[2], n[3] - o[3], n[4] - o[4], n[5] - o[5],
    CASE WHEN n[4] <> o[4] OR n[5] <> o[5] THEN day END)
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET
    invited = c.invited + excluded.invited, delivered = c.delivered + excluded.delivered,
    bounced = c.bounced + excluded.bounced, opened = c.opened + excluded.opened,
    completed = c.completed + excluded.completed,
    last_activity_at = greatest(c.last_activity_at, excluded.last_activity_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER progress_invitations_upd ON invitations;--> statement-breakpoint
DROP FUNCTION progress_invitations_upd();--> statement-breakpoint
CREATE TRIGGER progress_invitation_changed AFTER UPDATE ON invitations FOR EACH ROW
  WHEN ((OLD.status, OLD.mail_status, OLD.first_opened_at IS NULL, OLD.campaign_id, OLD.body_code, OLD.group_code)
    IS DISTINCT FROM (NEW.status, NEW.mail_status, NEW.first_opened_at IS NULL, NEW.campaign_id, NEW.body_code, NEW.group_code))
  EXECUTE FUNCTION progress_invitation_changed();
