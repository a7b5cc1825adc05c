"""The Qt layer of KT1 Desk. It calls the core's services; the core never imports it."""
