-- A store's version moves whenever something it sees changes (docs/sync-protocol.md). Announce each
-- move on the channel store_pokes with the store id as payload. NOTIFY is delivered when the
-- transaction commits and never when it rolls back, so every server process listening hears of a
-- change exactly after it is visible to a pull (docs/deploy.md, [SO1]).
CREATE FUNCTION notify_store_poke() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('store_pokes', NEW.store_id);
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER store_versions_poke AFTER INSERT OR UPDATE OF version ON store_versions
	FOR EACH ROW EXECUTE FUNCTION notify_store_poke();
