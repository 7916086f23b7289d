#!/usr/bin/env python3
"""A real SMTP server on loopback for the mail tests (aiosmtpd).

  smtpd.py PORT OUTDIR [--auth USER:PASS [--mech NAME]] [--tls CERT KEY]
                       [--data-reply "CODE TEXT"]

PORT 0 takes a port the system says is free.
Each message received is saved as OUTDIR/N.eml with its envelope in
OUTDIR/N.json.  Recipients whose address contains "reject" are refused
with 550, those containing "tempfail" with 451.  --auth requires AUTH
LOGIN/PLAIN with those credentials (--mech: offer only that mechanism);
--tls offers STARTTLS with that certificate; --data-reply answers the end
of every message with that reply instead of accepting it.  OUTDIR/ready appears when
the server listens, holding its port.  It stops on SIGTERM, or by itself after 300 s."""
import json, os, signal, socket, ssl, sys, threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

port, out = int(sys.argv[1]), sys.argv[2]
if port == 0:   # a fixed range can meet a port some connection holds
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
args = sys.argv[3:]
count = [0]
data_reply = args[args.index("--data-reply") + 1] if "--data-reply" in args else None

class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "reject" in address:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if "tempfail" in address:
            return "451 4.3.0 <%s>: mailbox busy, try later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if data_reply:
            return data_reply
        count[0] += 1
        base = os.path.join(out, str(count[0]))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": session.ssl is not None}, f)
        return "250 Message accepted"

kw = {}
if "--auth" in args:
    user, pw = args[args.index("--auth") + 1].split(":", 1)
    def auth(server, session, envelope, mechanism, data):
        ok = data.login.decode() == user and data.password.decode() == pw
        return AuthResult(success=ok, handled=False)  # aiosmtpd then replies 535
    kw.update(authenticator=auth, auth_required=True, auth_require_tls=False)
    if "--mech" in args:
        keep = args[args.index("--mech") + 1]
        kw.update(auth_exclude_mechanism=[m for m in ("LOGIN", "PLAIN") if m != keep])
if "--tls" in args:
    i = args.index("--tls")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args[i + 1], args[i + 2])
    kw.update(tls_context=ctx)

c = Controller(Handler(), hostname="127.0.0.1", port=port, server_kwargs=kw)
c.start()
with open(os.path.join(out, "ready.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(out, "ready.tmp"), os.path.join(out, "ready"))
done = threading.Event()
signal.signal(signal.SIGTERM, lambda *a: done.set())
done.wait(300)
c.stop()
