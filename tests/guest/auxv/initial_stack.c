/* The initial stack holds argv (NULL-terminated, argc entries) and envp, and every
 * argv and envp string is readable. */
#include "guest.h"

extern char **environ;

int main(int argc, char **argv)
{
    CHECK(argc >= 1);
    CHECK(argv[argc] == NULL);
    for (int i = 0; i < argc; i++)
        CHECK(argv[i] != NULL && strlen(argv[i]) < 4096);
    CHECK(environ != NULL);
    CHECK(environ == argv + argc + 1);
    for (char **e = environ; *e; e++)
        CHECK(strchr(*e, '=') != NULL);
    return 0;
}
