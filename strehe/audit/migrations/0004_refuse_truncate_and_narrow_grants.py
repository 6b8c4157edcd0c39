"""On PostgreSQL, TRUNCATE of the audit log is refused too, and nobody but the table's owner keeps
the right to change or remove entries.

A row trigger (0002) does not fire on TRUNCATE, so `TRUNCATE audit_auditentry` used to empty the
log. A statement-level BEFORE TRUNCATE trigger refuses it for every role, the owner included;
only someone who first disables the trigger (the owner or a superuser, a deliberate act that the
checkpoint of `strehe audit verify` still reveals) can empty the table.

The README's set-up gives the application role SELECT, INSERT, UPDATE, DELETE on every table the
owner creates (default privileges). Here every role but the owner loses UPDATE, DELETE and
TRUNCATE on this one table, so the application role may only append and read.
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER audit_auditentry_no_truncate
    BEFORE TRUNCATE ON audit_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditentry_refuse_change();

DO $$
DECLARE
    grantee text;
BEGIN
    FOR grantee IN
        SELECT DISTINCT CASE WHEN acl.grantee = 0 THEN 'PUBLIC'
                             ELSE quote_ident(pg_get_userbyid(acl.grantee)) END
        FROM pg_class AS c, aclexplode(c.relacl) AS acl
        WHERE c.oid = 'audit_auditentry'::regclass
          AND acl.grantee <> c.relowner
          AND acl.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES')
    LOOP
        EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_auditentry FROM '
            || grantee;
    END LOOP;
END
$$;
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditentry_no_truncate ON audit_auditentry;
"""


def on_postgresql(sql):
    # As in 0002: SQLite has no plpgsql nor roles; there the hash chain and checkpoint alone hold.
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_auditentry_request_id")]

    operations = [
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
