#!/bin/sh
# Certificates for the platform emulator, made fresh by the tests with the openssl CLI:
#   ca.pem / ca-key.pem          the cluster CA
#   server.pem / server-key.pem  the emulator, for 127.0.0.1 (SAN IP) and localhost
#   cert.pem / key.pem           a client certificate signed by the CA (the aliyun cert-dir layout)
#   other-ca.pem                 an unrelated CA, for the wrong-CA test
#   other-cert.pem / other-key.pem  a client certificate signed by the unrelated CA
#   expired-server.pem / -key.pem    like server.pem, signed by the CA, valid only on 2020-01-01
#   future-server.pem / -key.pem     like server.pem, signed by the CA, valid only from 2090-01-01
#   other-host-server.pem / -key.pem signed by the CA for other.example only (a host name mismatch on 127.0.0.1)
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1 || { echo "make-certs: failed: $*" >&2; "$@"; exit 1; }; }
ca() {  # name subject
    quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1-key.pem" -out "$1.pem" -days 2 -subj "/CN=$2" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
}
leaf() {  # name ca subject extensions
    quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1-key.pem" -out "$1.csr" -subj "/CN=$3"
    printf '%s\n' "$4" > "$1.ext"
    quiet openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2-key.pem" -CAcreateserial -out "$1.pem" -days 2 -extfile "$1.ext"
    rm -f "$1.csr" "$1.ext"
}
# `openssl x509 -req` has no start date before OpenSSL 3.4; `openssl ca` has, with a throwaway database.
dated() {  # name ca subject extensions start end
    mkdir -p "$1.d"
    : > "$1.d/index"
    printf '[ca]\ndefault_ca = dated\n[dated]\ndatabase = %s\nnew_certs_dir = %s\nrand_serial = yes\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n' \
        "$1.d/index" "$1.d" > "$1.d/config"
    quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1-key.pem" -out "$1.d/csr" -subj "/CN=$3"
    printf '%s\n' "$4" > "$1.d/ext"
    quiet openssl ca -batch -notext -config "$1.d/config" -cert "$2.pem" -keyfile "$2-key.pem" -in "$1.d/csr" -out "$1.pem" \
        -startdate "$5" -enddate "$6" -extfile "$1.d/ext"
    rm -rf "$1.d"
}
ca ca "stackc test cluster CA"
ca other-ca "unrelated CA"
leaf server ca 127.0.0.1 "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
dated expired-server ca 127.0.0.1 "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth" 20200101000000Z 20200102000000Z
dated future-server ca 127.0.0.1 "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth" 20900101000000Z 20900102000000Z
leaf other-host-server ca other.example "subjectAltName=DNS:other.example,DNS:www.other.example
extendedKeyUsage=serverAuth"
leaf client ca "stackc test client" "extendedKeyUsage=clientAuth"
leaf other-client other-ca "stranger" "extendedKeyUsage=clientAuth"
mv client.pem cert.pem
mv client-key.pem key.pem
mv other-client.pem other-cert.pem
mv other-client-key.pem other-key.pem
