"""Records leave the counter: the change log, the counter's keys, signed bundles and the sync client.

One mechanism serves sync and audit: every write through ``Store.write()`` appends, in
the same transaction, one hash-chained entry per changed record (``changelog``). Bundles
(``bundle``) carry those entries to the province, signed with the counter's Ed25519 key
(``keys``); receipts signed by the province move the checkpoint (``client``).
``audit`` re-computes the chain and compares every record with its last logged image.
"""
