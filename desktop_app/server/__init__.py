"""The office recognition server: this app's engines behind Tencent Cloud's CarInvoiceOCR API.

``python -m desktop_app serve --keys FILE`` answers ``POST /`` exactly as the
service does (TC3-HMAC-SHA256, the service's error shapes and codes), so the
official SDKs and this app's own cloud client work against it unchanged, while
invoices never leave the office network. Qt-free; imports core, documents and
recognition only.

- ``keys``: the INI keys file (one section per SecretId);
- ``protocol``: request parameters and answer documents, error codes;
- ``quota``: the per-SecretId requests-per-second quota, decided in the front;
- ``work``: what a worker process does with one upload (runs in the pool);
- ``pool``: N worker processes with one warm engine each, bounded admission;
- ``fetch``: ``ImageUrl`` downloads from an allow-list of hosts only;
- ``app``: the ASGI application (Starlette) tying them together, metrics, access log;
- ``serve``: the command line and the uvicorn server.
"""
