/*
 * What the TLS layer said during one transfer, so a failure is explained by the alert the server sent and the
 * verification result of its certificate rather than guessed from the socket (with TLS 1.3 a refused client
 * certificate's alert races the close: the socket often reports only "not connected").
 * libcurl hands its OpenSSL SSL_CTX to CURLOPT_SSL_CTX_FUNCTION; the callback installs a message callback
 * (alerts, CertificateRequest, our Certificate) and a verify callback (the first error of the server's chain,
 * with the certificate it is about). The OpenSSL functions are looked up in libcurl's own dependencies, so
 * they belong to the very libssl that made the SSL_CTX; with another TLS backend nothing is installed.
 */
#pragma once
#include "shim.h"
#include <arpa/inet.h>
#include <string.h>
#include <time.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* One certificate, as a message names it. */
struct clibcurl_tls_certificate {
    char common_name[256];
    char issuer[256];
    /* subjectAltName DNS and IP entries, ", "-separated. */
    char names[1024];
    /* "2020-01-02 00:00:00 UTC" */
    char not_before[32];
    char not_after[32];
};

struct clibcurl_tls_observation {
    /* The description of the last error alert the server sent (RFC 8446 §6), -1 when none. */
    int alert_received;
    /* The server asked for a client certificate (a CertificateRequest arrived). */
    int certificate_requested;
    /* We answered with a Certificate message holding at least one certificate. */
    int certificate_sent;
    /* The server sent a NewSessionTicket: with TLS 1.3, it accepted the handshake, client certificate included. */
    int ticket_received;
    /* The protocol version of the last handshake message (TLS1_3_VERSION …). */
    int version;
    /* The first X509_V_ERR_* of the server's chain (0: none), the depth of the certificate it is about, and
       OpenSSL's words for it. */
    int verify_error;
    int verify_depth;
    char verify_text[128];
    struct clibcurl_tls_certificate failing;
    /* The server's own certificate (depth 0), for a host name that does not match it. */
    struct clibcurl_tls_certificate leaf;
};

#define CLIBCURL_OPENSSL(name) ((__typeof__(&name))({ static void *cache; clibcurl_symbol(&cache, #name); }))

/* The index of our slot in an SSL_CTX's ex_data, the same for every thread (the first one taken wins). */
static inline int clibcurl_tls_slot(void) {
    static int slot = -1;
    int taken = __atomic_load_n(&slot, __ATOMIC_ACQUIRE);
    if (taken < 0) {
        int fresh = CLIBCURL_OPENSSL(CRYPTO_get_ex_new_index)(CRYPTO_EX_INDEX_SSL_CTX, 0, NULL, NULL, NULL, NULL);
        taken = -1;
        if (__atomic_compare_exchange_n(&slot, &taken, fresh, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) taken = fresh;
    }
    return taken;
}

static inline void clibcurl_tls_copy(char *target, size_t size, const void *source, size_t length) {
    size_t count = length < size - 1 ? length : size - 1;
    memcpy(target, source, count);
    target[count] = 0;
}

static inline void clibcurl_tls_date(char *target, size_t size, const ASN1_TIME *time) {
    struct tm parts;
    if (time && CLIBCURL_OPENSSL(ASN1_TIME_to_tm)(time, &parts) == 1) strftime(target, size, "%Y-%m-%d %H:%M:%S UTC", &parts);
}

static inline void clibcurl_tls_names(char *target, size_t size, X509 *certificate) {
    GENERAL_NAMES *names = CLIBCURL_OPENSSL(X509_get_ext_d2i)(certificate, NID_subject_alt_name, NULL, NULL);
    if (!names) return;
    int count = CLIBCURL_OPENSSL(OPENSSL_sk_num)((const OPENSSL_STACK *)names);
    for (int index = 0; index < count; index++) {
        int type = 0;
        const ASN1_STRING *value = CLIBCURL_OPENSSL(GENERAL_NAME_get0_value)(
            CLIBCURL_OPENSSL(OPENSSL_sk_value)((const OPENSSL_STACK *)names, index), &type);
        const unsigned char *bytes = value ? CLIBCURL_OPENSSL(ASN1_STRING_get0_data)(value) : NULL;
        int length = value ? CLIBCURL_OPENSSL(ASN1_STRING_length)(value) : 0;
        char name[256] = "";
        if (type == GEN_DNS && bytes) {
            clibcurl_tls_copy(name, sizeof name, bytes, (size_t)length);
        } else if (type == GEN_IPADD && bytes && (length == 4 || length == 16)) {
            inet_ntop(length == 4 ? AF_INET : AF_INET6, bytes, name, sizeof name);
        }
        size_t used = strlen(target);
        if (name[0] && used + strlen(name) + 3 < size) {
            strcat(target, used ? ", " : "");
            strcat(target, name);
        }
    }
    CLIBCURL_OPENSSL(GENERAL_NAMES_free)(names);
}

static inline void clibcurl_tls_describe(struct clibcurl_tls_certificate *target, X509 *certificate) {
    memset(target, 0, sizeof *target);
    if (!certificate) return;
    CLIBCURL_OPENSSL(X509_NAME_get_text_by_NID)(CLIBCURL_OPENSSL(X509_get_subject_name)(certificate), NID_commonName,
                                                target->common_name, sizeof target->common_name);
    CLIBCURL_OPENSSL(X509_NAME_get_text_by_NID)(CLIBCURL_OPENSSL(X509_get_issuer_name)(certificate), NID_commonName,
                                                target->issuer, sizeof target->issuer);
    clibcurl_tls_names(target->names, sizeof target->names, certificate);
    clibcurl_tls_date(target->not_before, sizeof target->not_before, CLIBCURL_OPENSSL(X509_get0_notBefore)(certificate));
    clibcurl_tls_date(target->not_after, sizeof target->not_after, CLIBCURL_OPENSSL(X509_get0_notAfter)(certificate));
}

/* Records what the peer and we said; OpenSSL calls it for every record and handshake message. */
static inline void clibcurl_tls_message(int write_p, int version, int content_type, const void *buffer, size_t length, SSL *ssl, void *context) {
    (void)ssl;
    struct clibcurl_tls_observation *observation = context;
    const unsigned char *bytes = buffer;
    if (content_type == SSL3_RT_ALERT && length >= 2) {
        /* In TLS 1.3 the description implies the level: every alert but a closure is an error. */
        int error = (bytes[0] == SSL3_AL_FATAL || version == TLS1_3_VERSION) && bytes[1] != SSL3_AD_CLOSE_NOTIFY && bytes[1] != SSL_AD_USER_CANCELLED;
        if (!write_p && error) observation->alert_received = bytes[1];
    } else if (content_type == SSL3_RT_HANDSHAKE && length >= 4) {
        observation->version = version;
        if (!write_p && bytes[0] == SSL3_MT_CERTIFICATE_REQUEST) observation->certificate_requested = 1;
        if (!write_p && bytes[0] == SSL3_MT_NEWSESSION_TICKET) observation->ticket_received = 1;
        if (write_p && bytes[0] == SSL3_MT_CERTIFICATE) {
            /* TLS 1.3 puts a certificate_request_context before the 3-byte length of the list. */
            size_t list = version == TLS1_3_VERSION ? 5 + (length > 4 ? bytes[4] : 0) : 4;
            observation->certificate_sent = length >= list + 3 && (bytes[list] | bytes[list + 1] | bytes[list + 2]) != 0;
        }
    }
}

/* Records the server's certificate and the first verification error; decides nothing (returns `ok`). */
static inline int clibcurl_tls_verify(int ok, X509_STORE_CTX *store) {
    SSL *ssl = CLIBCURL_OPENSSL(X509_STORE_CTX_get_ex_data)(store, CLIBCURL_OPENSSL(SSL_get_ex_data_X509_STORE_CTX_idx)());
    struct clibcurl_tls_observation *observation =
        ssl ? CLIBCURL_OPENSSL(SSL_CTX_get_ex_data)(CLIBCURL_OPENSSL(SSL_get_SSL_CTX)(ssl), clibcurl_tls_slot()) : NULL;
    if (!observation) return ok;
    X509 *certificate = CLIBCURL_OPENSSL(X509_STORE_CTX_get_current_cert)(store);
    int depth = CLIBCURL_OPENSSL(X509_STORE_CTX_get_error_depth)(store);
    if (depth == 0) clibcurl_tls_describe(&observation->leaf, certificate);
    if (!ok && !observation->verify_error) {
        observation->verify_error = CLIBCURL_OPENSSL(X509_STORE_CTX_get_error)(store);
        observation->verify_depth = depth;
        const char *text = CLIBCURL_OPENSSL(X509_verify_cert_error_string)(observation->verify_error);
        clibcurl_tls_copy(observation->verify_text, sizeof observation->verify_text, text, strlen(text));
        clibcurl_tls_describe(&observation->failing, certificate);
    }
    return ok;
}

/* CURLOPT_SSL_CTX_FUNCTION: libcurl has set the context up (verification mode, CA, client certificate). */
static inline CURLcode clibcurl_tls_context(CURL *handle, void *context, void *observation) {
    (void)handle;
    SSL_CTX *tls = context;
    CLIBCURL_OPENSSL(SSL_CTX_set_ex_data)(tls, clibcurl_tls_slot(), observation);
    CLIBCURL_OPENSSL(SSL_CTX_set_msg_callback)(tls, clibcurl_tls_message);
    CLIBCURL_OPENSSL(SSL_CTX_ctrl)(tls, SSL_CTRL_SET_MSG_CALLBACK_ARG, 0, observation);
    CLIBCURL_OPENSSL(SSL_CTX_set_verify)(tls, CLIBCURL_OPENSSL(SSL_CTX_get_verify_mode)(tls), clibcurl_tls_verify);
    return CURLE_OK;
}

/* libcurl's TLS backend, as curl_version_info names it ("OpenSSL/3.0.11", "GnuTLS/3.7.9"). */
static inline const char *clibcurl_tls_backend(void) {
    static void *cache;
    curl_version_info_data *(*version)(CURLversion) = (curl_version_info_data *(*)(CURLversion))clibcurl_symbol(&cache, "curl_version_info");
    curl_version_info_data *info = version ? version(CURLVERSION_NOW) : NULL;
    return info && info->ssl_version ? info->ssl_version : "none";
}

/* Whether libcurl's TLS backend is OpenSSL with every function above; decided once. */
static inline int clibcurl_tls_observable(void) {
    static int verdict = -1;
    int known = __atomic_load_n(&verdict, __ATOMIC_ACQUIRE);
    if (known >= 0) return known;
    void *library = clibcurl_library();
    const char *names[] = { "CRYPTO_get_ex_new_index", "ASN1_TIME_to_tm", "X509_get_ext_d2i", "OPENSSL_sk_num", "OPENSSL_sk_value",
                            "GENERAL_NAME_get0_value", "ASN1_STRING_get0_data", "ASN1_STRING_length", "GENERAL_NAMES_free",
                            "X509_NAME_get_text_by_NID", "X509_get_subject_name", "X509_get_issuer_name", "X509_get0_notBefore",
                            "X509_get0_notAfter", "X509_STORE_CTX_get_ex_data", "SSL_get_ex_data_X509_STORE_CTX_idx", "SSL_CTX_get_ex_data",
                            "SSL_get_SSL_CTX", "X509_STORE_CTX_get_current_cert", "X509_STORE_CTX_get_error_depth",
                            "X509_STORE_CTX_get_error", "X509_verify_cert_error_string", "SSL_CTX_set_ex_data", "SSL_CTX_set_msg_callback",
                            "SSL_CTX_ctrl", "SSL_CTX_set_verify", "SSL_CTX_get_verify_mode" };
    known = library && strncmp(clibcurl_tls_backend(), "OpenSSL/", 8) == 0;
    for (size_t index = 0; known && index < sizeof names / sizeof names[0]; index++) {
        if (!dlsym(library, names[index])) known = 0;
    }
    __atomic_store_n(&verdict, known, __ATOMIC_RELEASE);
    return known;
}

/* Installs the observer for the next transfer of `handle`; 0 when the backend is not OpenSSL. */
static inline int clibcurl_observe_tls(CURL *handle, struct clibcurl_tls_observation *observation) {
    memset(observation, 0, sizeof *observation);
    observation->alert_received = -1;
    if (!clibcurl_tls_observable()) return 0;
    clibcurl_setopt_function function = clibcurl_setopt();
    if (!function || function(handle, CURLOPT_SSL_CTX_DATA, (void *)observation) != CURLE_OK) return 0;
    return function(handle, CURLOPT_SSL_CTX_FUNCTION, clibcurl_tls_context) == CURLE_OK;
}
