"""
SPF evaluated by pyspf (Debian's python3-spf), an implementation independent of the app's, for the
differential test (test/integration/spf-differential.test.ts).

Usage: pyspf-driver.py PORT CLIENT_IP < domains.json
Reads a JSON list of domains, evaluates each for a sender at CLIENT_IP with mail from
postmaster@<domain>, asking only the DNS server on 127.0.0.1:PORT, and prints a JSON list with, per
domain, pyspf's result, its lookup and void-lookup counters, and its explanation. One process for
the whole batch: starting Python per domain would cost more than the evaluations.
"""
import json
import sys
import warnings

import dns.resolver
import spf

# pyspf asks through dnspython's deprecated module-level query(); its warning is noise here.
warnings.simplefilter("ignore", DeprecationWarning)


def ask_only(port):
    """Point dnspython's default resolver at the loopback server; /etc/resolv.conf is never read."""
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = port
    resolver.timeout = 2
    resolver.lifetime = 4
    dns.resolver.default_resolver = resolver


def evaluate(domain, client_ip):
    q = spf.query(i=client_ip, s="postmaster@" + domain, h=domain)
    result, _code, explanation = q.check()
    return {
        "domain": domain,
        "result": result,
        "lookups": q.lookups,
        "voidLookups": q.void_lookups,
        "explanation": explanation,
    }


def main():
    port, client_ip = int(sys.argv[1]), sys.argv[2]
    ask_only(port)
    domains = json.load(sys.stdin)
    json.dump([evaluate(d, client_ip) for d in domains], sys.stdout)


if __name__ == "__main__":
    main()
