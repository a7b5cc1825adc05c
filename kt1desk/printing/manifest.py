"""placeholder"""
def manifest_pdf(store, manifest_ids):
    raise NotImplementedError
