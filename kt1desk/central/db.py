"""Connecting to the province's PostgreSQL (psycopg 3), with messages people can act on."""

from __future__ import annotations

from ..errors import Kt1Error

# Partition bounds and month arithmetic are in Vietnam's time, like every time the counters store.
TIMEZONE = "Asia/Ho_Chi_Minh"


def connect(dsn: str):
    try:
        import psycopg
    except ImportError:
        raise Kt1Error("central_needs_psycopg") from None
    try:
        # autocommit: every change happens inside an explicit conn.transaction(), nothing is left open.
        return psycopg.connect(dsn, autocommit=True, options=f"-c TimeZone={TIMEZONE}", application_name="kt1desk-central",
                               connect_timeout=15)
    except psycopg.OperationalError as err:
        raise Kt1Error("central_unreachable", reason=str(err).strip().splitlines()[0] if str(err) else "?") from None


def require_schema(conn) -> str:
    """The province this central serves; Kt1Error when ``central init`` has not run."""
    from .schema import province_of

    province = province_of(conn)
    if not province:
        raise Kt1Error("central_not_initialised")
    return province
