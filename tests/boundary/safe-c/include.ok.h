/* A header of the include.ok.c case. */
#define SAFE_C_INCLUDE_OK	1
