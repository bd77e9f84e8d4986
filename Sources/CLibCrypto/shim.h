/*
 * libcrypto is opened on first use instead of being linked: a lint run never signs, and every library the
 * executable links is loaded and relocated at start-up, which a pre-commit hook pays on each commit.
 * Only the functions ROASigner calls are here, each behind a typed wrapper that looks its symbol up once.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

static inline void *clibcrypto_library(void) {
    static void *library;
    void *loaded = __atomic_load_n(&library, __ATOMIC_ACQUIRE);
    if (!loaded) {
        const char *names[] = { "libcrypto.so.3", "libcrypto.so", "libcrypto.3.dylib", "libcrypto.dylib" };
        for (size_t index = 0; index < sizeof names / sizeof names[0] && !loaded; index++) {
            loaded = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        }
        if (loaded) __atomic_store_n(&library, loaded, __ATOMIC_RELEASE);
    }
    return loaded;
}

static inline void *clibcrypto_symbol(const char *name) {
    void *library = clibcrypto_library();
    return library ? dlsym(library, name) : NULL;
}

/* Whether libcrypto and every function below can be used. */
static inline int clibcrypto_available(void) {
    return clibcrypto_symbol("EVP_Digest") && clibcrypto_symbol("EVP_md5") && clibcrypto_symbol("EVP_sha1")
        && clibcrypto_symbol("HMAC") && clibcrypto_symbol("EVP_EncodeBlock");
}

/* Declares `function`, the symbol `name` of type `type` (a typedef), looked up once. */
#define CLIBCRYPTO_FUNCTION(name, type) \
    static void *cached; \
    void *symbol = __atomic_load_n(&cached, __ATOMIC_ACQUIRE); \
    if (!symbol) { symbol = clibcrypto_symbol(name); __atomic_store_n(&cached, symbol, __ATOMIC_RELEASE); } \
    type function = (type)symbol;

typedef const EVP_MD *(*clibcrypto_md_function)(void);
typedef int (*clibcrypto_digest_function)(const void *, size_t, unsigned char *, unsigned int *, const EVP_MD *, ENGINE *);
typedef unsigned char *(*clibcrypto_hmac_function)(const EVP_MD *, const void *, int, const unsigned char *, size_t, unsigned char *, unsigned int *);
typedef int (*clibcrypto_encode_function)(unsigned char *, const unsigned char *, int);

static inline const EVP_MD *clibcrypto_md5(void) {
    CLIBCRYPTO_FUNCTION("EVP_md5", clibcrypto_md_function)
    return function ? function() : NULL;
}

static inline const EVP_MD *clibcrypto_sha1(void) {
    CLIBCRYPTO_FUNCTION("EVP_sha1", clibcrypto_md_function)
    return function ? function() : NULL;
}

static inline int clibcrypto_digest(const void *data, size_t count, unsigned char *digest, unsigned int *length, const EVP_MD *type) {
    CLIBCRYPTO_FUNCTION("EVP_Digest", clibcrypto_digest_function)
    return function && type ? function(data, count, digest, length, type, NULL) : 0;
}

static inline unsigned char *clibcrypto_hmac(const EVP_MD *type, const void *key, int keyLength, const unsigned char *data, size_t count,
                                             unsigned char *digest, unsigned int *length) {
    CLIBCRYPTO_FUNCTION("HMAC", clibcrypto_hmac_function)
    return function && type ? function(type, key, keyLength, data, count, digest, length) : NULL;
}

static inline int clibcrypto_encode_base64(unsigned char *output, const unsigned char *input, int count) {
    CLIBCRYPTO_FUNCTION("EVP_EncodeBlock", clibcrypto_encode_function)
    return function ? function(output, input, count) : 0;
}
