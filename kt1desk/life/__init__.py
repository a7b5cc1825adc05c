"""The item's life after acceptance (DOMAIN.md, "The item's life"), as core services with no Qt.

    states       the legal transitions, checked before anything is written
    shifts       a clerk's shift: X and Z reports from one computation, atomic close
    bags         bags scanned full, sealed, labelled; the immediate-dispatch queue of secret items
    dispatches   closed bags handed to a vehicle, signed
    arrival      receipt at the destination against the manifest: missing, extra, damaged
    delivery     out for delivery, delivered, failed and tried again, returned; after-hours contact
    overdue      items past their deadline with no delivery attempt
    corrections  voids and corrections (supervisors), the old record kept
    complaints   lodged in writing within the law's windows, answered, a register of due and late

Every change is a write through ``Store.write()``; every service checks the actor's
role itself, so the command line and the window cannot do more than the role allows.
"""
