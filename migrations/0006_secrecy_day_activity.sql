-- Invitations keep no completion time: the daily series is read from the
-- submission counts kept at submission, so the triggers no longer keep one per
-- day, and the last activity of a body and group is kept as the day
-- (Asia/Ho_Chi_Minh) it happened, never a finer time.
CREATE OR REPLACE FUNCTION progress_invitations_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s smallint := floor(random() * 8);
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, invited, delivered, bounced, opened, completed, last_activity_at)
  SELECT campaign_id, body_code, group_code, s, sum(t[1]), sum(t[2]), sum(t[3]), sum(t[4]), sum(t[5]),
    CASE WHEN sum(t[4]) <> 0 OR sum(t[5]) <> 0 THEN date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh' END
  FROM (
    SELECT campaign_id, body_code, group_code, invitation_tally(status, mail_status, first_opened_at) t FROM new_rows
    UNION ALL
    SELECT campaign_id, body_code, group_code, array(SELECT -x FROM unnest(invitation_tally(status, mail_status, first_opened_at)) x) FROM old_rows
  ) d
  GROUP BY 1, 2, 3
  HAVING sum(t[1]) <> 0 OR sum(t[2]) <> 0 OR sum(t[3]) <> 0 OR sum(t[4]) <> 0 OR sum(t[5]) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET
    invited = c.invited + excluded.invited, delivered = c.delivered + excluded.delivered,
    bounced = c.bounced + excluded.bounced, opened = c.opened + excluded.opened,
    completed = c.completed + excluded.completed,
    last_activity_at = greatest(c.last_activity_at, excluded.last_activity_at);

  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_invitations_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s smallint := floor(random() * 8);
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, invited, delivered, bounced, opened, completed)
  SELECT campaign_id, body_code, group_code, s, -sum(t[1]), -sum(t[2]), -sum(t[3]), -sum(t[4]), -sum(t[5])
  FROM (SELECT campaign_id, body_code, group_code, invitation_tally(status, mail_status, first_opened_at) t FROM old_rows) d
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET
    invited = c.invited + excluded.invited, delivered = c.delivered + excluded.delivered,
    bounced = c.bounced + excluded.bounced, opened = c.opened + excluded.opened,
    completed = c.completed + excluded.completed;

  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE progress_counters SET last_activity_at = date_trunc('day', last_activity_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh' WHERE last_activity_at IS NOT NULL;
--> statement-breakpoint
-- A campaign's scores are sealed only once its ballot box is empty: an answer
-- still waiting to be mixed must not be left out of the sealed result.
CREATE FUNCTION seals_require_empty_box() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ballot_box WHERE campaign_id = NEW.campaign_id) THEN
    RAISE EXCEPTION 'ballot box of campaign % is not empty: run the mixer before sealing', NEW.campaign_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER seals_require_empty_box BEFORE INSERT ON seals FOR EACH ROW EXECUTE FUNCTION seals_require_empty_box();
