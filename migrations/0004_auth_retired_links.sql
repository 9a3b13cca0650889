-- A survey link that once worked stays known after it is replaced (a changed
-- address raises the invitation's version) or its invitation is removed, so
-- opening it is not counted as a guess against the address.
CREATE FUNCTION remember_retired_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO retired_links (token_hash) VALUES (OLD.token_hash) ON CONFLICT DO NOTHING;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invitations_retire_replaced_link AFTER UPDATE OF token_hash ON invitations
  FOR EACH ROW WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash) EXECUTE FUNCTION remember_retired_link();
--> statement-breakpoint
CREATE TRIGGER invitations_retire_removed_link AFTER DELETE ON invitations
  FOR EACH ROW EXECUTE FUNCTION remember_retired_link();
