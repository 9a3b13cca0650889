-- Progress counters kept exact by statement-level triggers: every change to the
-- respondent list or to an invitation adds its net effect per body and group.
-- Invitation counts go to a random shard so concurrent submissions to one body
-- do not queue on one row; readers sum the shards.

CREATE FUNCTION progress_respondents_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, listed)
  SELECT campaign_id, body_code, group_code, 0, count(*) FROM new_rows WHERE merged_into IS NULL
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET listed = c.listed + excluded.listed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION progress_respondents_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, listed)
  SELECT campaign_id, body_code, group_code, 0, sum(d) FROM (
    SELECT campaign_id, body_code, group_code, 1 AS d FROM new_rows WHERE merged_into IS NULL
    UNION ALL
    SELECT campaign_id, body_code, group_code, -1 FROM old_rows WHERE merged_into IS NULL
  ) x GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET listed = c.listed + excluded.listed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION progress_respondents_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, listed)
  SELECT campaign_id, body_code, group_code, 0, -count(*) FROM old_rows WHERE merged_into IS NULL
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET listed = c.listed + excluded.listed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER progress_respondents_ins AFTER INSERT ON respondents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_respondents_ins();
--> statement-breakpoint
CREATE TRIGGER progress_respondents_upd AFTER UPDATE ON respondents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_respondents_upd();
--> statement-breakpoint
CREATE TRIGGER progress_respondents_del AFTER DELETE ON respondents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_respondents_del();
--> statement-breakpoint

-- What one invitation row contributes to each count.
CREATE FUNCTION invitation_tally(status invitation_status, mail_status mail_status, first_opened_at timestamptz)
RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status = 'cancelled' THEN ARRAY[0, 0, 0, 0, 0] ELSE ARRAY[
    1,
    (mail_status = 'sent')::int,
    (mail_status = 'bounced')::int,
    (first_opened_at IS NOT NULL OR status = 'completed')::int,
    (status = 'completed')::int
  ] END
$$;
--> statement-breakpoint

CREATE FUNCTION progress_invitations_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s smallint := floor(random() * 8);
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, invited, delivered, bounced, opened, completed)
  SELECT campaign_id, body_code, group_code, s, sum(t[1]), sum(t[2]), sum(t[3]), sum(t[4]), sum(t[5])
  FROM (SELECT campaign_id, body_code, group_code, invitation_tally(status, mail_status, first_opened_at) t FROM new_rows) d
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, body_code, group_code, shard) DO UPDATE SET
    invited = c.invited + excluded.invited, delivered = c.delivered + excluded.delivered,
    bounced = c.bounced + excluded.bounced, opened = c.opened + excluded.opened,
    completed = c.completed + excluded.completed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION progress_invitations_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s smallint := floor(random() * 8);
BEGIN
  INSERT INTO progress_counters AS c (campaign_id, body_code, group_code, shard, invited, delivered, bounced, opened, completed, last_activity_at)
  SELECT campaign_id, body_code, group_code, s, sum(t[1]), sum(t[2]), sum(t[3]), sum(t[4]), sum(t[5]),
    CASE WHEN sum(t[4]) <> 0 OR sum(t[5]) <> 0 THEN now() END
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

  INSERT INTO progress_daily AS p (campaign_id, body_code, group_code, day, shard, completed)
  SELECT campaign_id, body_code, group_code, day, s, sum(d) FROM (
    SELECT campaign_id, body_code, group_code, completed_on AS day, 1 AS d FROM new_rows WHERE status = 'completed'
    UNION ALL
    SELECT campaign_id, body_code, group_code, completed_on, -1 FROM old_rows WHERE status = 'completed'
  ) x WHERE day IS NOT NULL
  GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (campaign_id, body_code, group_code, day, shard) DO UPDATE SET completed = p.completed + excluded.completed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION progress_invitations_del() RETURNS trigger LANGUAGE plpgsql AS $$
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

  INSERT INTO progress_daily AS p (campaign_id, body_code, group_code, day, shard, completed)
  SELECT campaign_id, body_code, group_code, completed_on, s, -count(*) FROM old_rows
  WHERE status = 'completed' AND completed_on IS NOT NULL
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (campaign_id, body_code, group_code, day, shard) DO UPDATE SET completed = p.completed + excluded.completed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER progress_invitations_ins AFTER INSERT ON invitations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_invitations_ins();
--> statement-breakpoint
CREATE TRIGGER progress_invitations_upd AFTER UPDATE ON invitations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_invitations_upd();
--> statement-breakpoint
CREATE TRIGGER progress_invitations_del AFTER DELETE ON invitations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_invitations_del();
