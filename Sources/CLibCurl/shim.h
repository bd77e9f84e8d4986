#pragma once
/*
 * libcurl is opened on first use instead of being linked: it brings twenty shared libraries (TLS, HTTP/2,
 * LDAP, Kerberos, compression…) that the dynamic loader would map and relocate at every start of stackc,
 * while only submit and trigger ever send a request; a pre-commit lint must not pay for them.
 * Only the functions HTTPClient calls are here, each behind a typed wrapper that looks its symbol up once.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <curl/curl.h>

static inline void *clibcurl_library(void) {
    static void *library;
    void *loaded = __atomic_load_n(&library, __ATOMIC_ACQUIRE);
    if (!loaded) {
        const char *names[] = { "libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib" };
        for (size_t index = 0; index < sizeof names / sizeof names[0] && !loaded; index++) {
            loaded = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        }
        if (loaded) __atomic_store_n(&library, loaded, __ATOMIC_RELEASE);
    }
    return loaded;
}

/* The symbol `name`, looked up once per call site's cache. */
static inline void *clibcurl_symbol(void **cache, const char *name) {
    void *symbol = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (!symbol) {
        void *library = clibcurl_library();
        symbol = library ? dlsym(library, name) : NULL;
        __atomic_store_n(cache, symbol, __ATOMIC_RELEASE);
    }
    return symbol;
}

typedef CURLcode (*clibcurl_setopt_function)(CURL *, CURLoption, ...);
typedef CURLcode (*clibcurl_getinfo_function)(CURL *, CURLINFO, ...);

static inline clibcurl_setopt_function clibcurl_setopt(void) {
    static void *cache;
    return (clibcurl_setopt_function)clibcurl_symbol(&cache, "curl_easy_setopt");
}

/* Whether libcurl could be opened (with every function below). */
static inline int clibcurl_available(void) {
    void *library = clibcurl_library();
    const char *names[] = { "curl_global_init", "curl_easy_init", "curl_easy_setopt", "curl_easy_getinfo", "curl_easy_perform",
                            "curl_easy_cleanup", "curl_easy_strerror", "curl_slist_append", "curl_slist_free_all" };
    if (!library) return 0;
    for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
        if (!dlsym(library, names[index])) return 0;
    }
    return 1;
}

static inline CURLcode clibcurl_global_init(long flags) {
    static void *cache;
    CURLcode (*function)(long) = (CURLcode (*)(long))clibcurl_symbol(&cache, "curl_global_init");
    return function ? function(flags) : CURLE_FAILED_INIT;
}

static inline CURL *clibcurl_easy_init(void) {
    static void *cache;
    CURL *(*function)(void) = (CURL *(*)(void))clibcurl_symbol(&cache, "curl_easy_init");
    return function ? function() : NULL;
}

static inline CURLcode clibcurl_easy_perform(CURL *handle) {
    static void *cache;
    CURLcode (*function)(CURL *) = (CURLcode (*)(CURL *))clibcurl_symbol(&cache, "curl_easy_perform");
    return function ? function(handle) : CURLE_FAILED_INIT;
}

static inline void clibcurl_easy_cleanup(CURL *handle) {
    static void *cache;
    void (*function)(CURL *) = (void (*)(CURL *))clibcurl_symbol(&cache, "curl_easy_cleanup");
    if (function) function(handle);
}

static inline const char *clibcurl_easy_strerror(CURLcode code) {
    static void *cache;
    const char *(*function)(CURLcode) = (const char *(*)(CURLcode))clibcurl_symbol(&cache, "curl_easy_strerror");
    return function ? function(code) : "libcurl is not available";
}

static inline struct curl_slist *clibcurl_slist_append(struct curl_slist *list, const char *line) {
    static void *cache;
    struct curl_slist *(*function)(struct curl_slist *, const char *) =
        (struct curl_slist *(*)(struct curl_slist *, const char *))clibcurl_symbol(&cache, "curl_slist_append");
    return function ? function(list, line) : list;
}

static inline void clibcurl_slist_free_all(struct curl_slist *list) {
    static void *cache;
    void (*function)(struct curl_slist *) = (void (*)(struct curl_slist *))clibcurl_symbol(&cache, "curl_slist_free_all");
    if (function) function(list);
}

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: typed wrappers only. */
static inline CURLcode clibcurl_setopt_long(CURL *handle, CURLoption option, long value) {
    clibcurl_setopt_function function = clibcurl_setopt();
    return function ? function(handle, option, value) : CURLE_FAILED_INIT;
}
static inline CURLcode clibcurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    clibcurl_setopt_function function = clibcurl_setopt();
    return function ? function(handle, option, value) : CURLE_FAILED_INIT;
}
static inline CURLcode clibcurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    clibcurl_setopt_function function = clibcurl_setopt();
    return function ? function(handle, option, value) : CURLE_FAILED_INIT;
}
static inline CURLcode clibcurl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    clibcurl_setopt_function function = clibcurl_setopt();
    return function ? function(handle, option, value) : CURLE_FAILED_INIT;
}
static inline CURLcode clibcurl_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback value) {
    clibcurl_setopt_function function = clibcurl_setopt();
    return function ? function(handle, option, value) : CURLE_FAILED_INIT;
}
static inline CURLcode clibcurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    static void *cache;
    clibcurl_getinfo_function function = (clibcurl_getinfo_function)clibcurl_symbol(&cache, "curl_easy_getinfo");
    return function ? function(handle, info, value) : CURLE_FAILED_INIT;
}
/* In-memory PEM for CAINFO_BLOB, SSLCERT_BLOB and SSLKEY_BLOB; libcurl copies the bytes. */
static inline CURLcode clibcurl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob = { (void *)data, length, CURL_BLOB_COPY };
    clibcurl_setopt_function function = clibcurl_setopt();
    return function ? function(handle, option, &blob) : CURLE_FAILED_INIT;
}
