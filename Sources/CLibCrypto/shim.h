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

/* The symbol `name`, looked up once per call site's cache. */
static inline void *clibcrypto_symbol(void **cache, const char *name) {
    void *symbol = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (!symbol) {
        void *library = clibcrypto_library();
        symbol = library ? dlsym(library, name) : NULL;
        __atomic_store_n(cache, symbol, __ATOMIC_RELEASE);
    }
    return symbol;
}

/* Whether libcrypto could be opened (with every function below). */
static inline int clibcrypto_available(void) {
    void *library = clibcrypto_library();
    const char *names[] = { "EVP_Digest", "EVP_md5", "EVP_sha1", "HMAC", "EVP_EncodeBlock" };
    if (!library) return 0;
    for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
        if (!dlsym(library, names[index])) return 0;
    }
    return 1;
}

static inline const EVP_MD *clibcrypto_md5(void) {
    static void *cache;
    const EVP_MD *(*function)(void) = (const EVP_MD *(*)(void))clibcrypto_symbol(&cache, "EVP_md5");
    return function ? function() : NULL;
}

static inline const EVP_MD *clibcrypto_sha1(void) {
    static void *cache;
    const EVP_MD *(*function)(void) = (const EVP_MD *(*)(void))clibcrypto_symbol(&cache, "EVP_sha1");
    return function ? function() : NULL;
}

static inline int clibcrypto_digest(const void *data, size_t count, unsigned char *digest, unsigned int *length, const EVP_MD *type) {
    static void *cache;
    int (*function)(const void *, size_t, unsigned char *, unsigned int *, const EVP_MD *, ENGINE *) =
        (int (*)(const void *, size_t, unsigned char *, unsigned int *, const EVP_MD *, ENGINE *))clibcrypto_symbol(&cache, "EVP_Digest");
    return function && type ? function(data, count, digest, length, type, NULL) : 0;
}

static inline unsigned char *clibcrypto_hmac(const EVP_MD *type, const void *key, int keyLength, const unsigned char *data, size_t count,
                                             unsigned char *digest, unsigned int *length) {
    static void *cache;
    unsigned char *(*function)(const EVP_MD *, const void *, int, const unsigned char *, size_t, unsigned char *, unsigned int *) =
        (unsigned char *(*)(const EVP_MD *, const void *, int, const unsigned char *, size_t, unsigned char *, unsigned int *))
            clibcrypto_symbol(&cache, "HMAC");
    return function && type ? function(type, key, keyLength, data, count, digest, length) : NULL;
}

static inline int clibcrypto_encode_base64(unsigned char *output, const unsigned char *input, int count) {
    static void *cache;
    int (*function)(unsigned char *, const unsigned char *, int) =
        (int (*)(unsigned char *, const unsigned char *, int))clibcrypto_symbol(&cache, "EVP_EncodeBlock");
    return function ? function(output, input, count) : 0;
}
