/* The search index's hot loops: every article the ingest stores is segmented through them.
 *
 * In Python these three loops took two thirds of the segmentation's time; each does here exactly
 * what its Python caller documents.
 *
 * cut_block: jieba's precise cut of one block of Han characters, without its HMM.
 * DomainTokenizer (tokenizer.py) calls it for each block of a text. It is the cut jieba's
 * get_DAG, calc and route make -- the same candidate words, the same frequencies, the same
 * log-probabilities summed in the same order, ties going to the longer word -- computed in one pass
 * from the block's end, with the domain names looked up in a table of their own.
 *
 * cut_block(block, freq, words, lengths, log_total) -> [word, ...]
 *   freq:    jieba's table, word or prefix -> frequency (0 for a prefix that is no word)
 *   words:   the domain names, name -> frequency (read before freq where both have a word)
 *   lengths: first two characters -> the set of the lengths of the names starting so
 *   log_total: log of the frequencies' total
 * Single ASCII letters and digits in a row are joined into one word, as jieba joins them.
 *
 * sub_words(word, freq, words) -> the shorter words inside a word (segment._sub_words).
 * prefix_matches(text, by_prefix) -> [(start, term)] of the terms listed under a text's two
 *   characters at each place that the text holds there (segment._domain_occurrences).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

/* The frequency of a value looked up (a Python int or float); -1 with an exception set. */
static int
as_double(PyObject *value, double *out)
{
    double result = PyFloat_Check(value) ? PyFloat_AS_DOUBLE(value) : PyLong_AsDouble(value);
    if (result == -1.0 && PyErr_Occurred())
        return -1;
    *out = result;
    return 0;
}

/* words.get(key) or fallback, as Python's `or` reads it: NULL (no error) when neither is truthy. */
static PyObject *
first_truthy(PyObject *table, PyObject *key, PyObject *fallback, int *failed)
{
    PyObject *found = PyDict_GetItemWithError(table, key);
    if (found == NULL && PyErr_Occurred()) {
        *failed = 1;
        return NULL;
    }
    if (found != NULL) {
        int truth = PyObject_IsTrue(found);
        if (truth < 0) {
            *failed = 1;
            return NULL;
        }
        if (truth)
            return found;
    }
    return fallback;
}

static int
is_ascii_alnum(Py_UCS4 ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static PyObject *
cut_block(PyObject *module, PyObject *args)
{
    PyObject *sentence, *freq, *words, *lengths;
    double log_total;
    if (!PyArg_ParseTuple(args, "UO!O!O!d:cut_block", &sentence, &PyDict_Type, &freq,
                          &PyDict_Type, &words, &PyDict_Type, &lengths, &log_total))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(sentence);
    double *score = PyMem_Malloc((n + 1) * sizeof(double));
    Py_ssize_t *end = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
    PyObject *found = NULL;
    if (score == NULL || end == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    score[n] = 0.0;
    int failed = 0;
    for (Py_ssize_t k = n - 1; k >= 0; k--) {
        int have = 0;
        double best = 0.0, candidate, count;
        Py_ssize_t best_end = k;
        /* jieba's words from here: a prefix extended while its table has it. */
        for (Py_ssize_t i = k; i < n; i++) {
            PyObject *fragment = PyUnicode_Substring(sentence, k, i + 1);
            if (fragment == NULL)
                goto done;
            PyObject *value = PyDict_GetItemWithError(freq, fragment);
            if (value == NULL) {
                Py_DECREF(fragment);
                if (PyErr_Occurred())
                    goto done;
                break;
            }
            int truth = PyObject_IsTrue(value);
            if (truth < 0) {
                Py_DECREF(fragment);
                goto done;
            }
            if (truth) {
                PyObject *weight = first_truthy(words, fragment, value, &failed);
                if (failed || as_double(weight, &count) < 0) {
                    Py_DECREF(fragment);
                    goto done;
                }
                candidate = log(count) - log_total + score[i + 1];
                if (!have || candidate >= best) {
                    best = candidate;
                    best_end = i;
                    have = 1;
                }
            }
            Py_DECREF(fragment);
        }
        /* The names starting here, by their lengths. */
        PyObject *head = PyUnicode_Substring(sentence, k, k + 2 < n ? k + 2 : n);
        if (head == NULL)
            goto done;
        PyObject *name_lengths = PyDict_GetItemWithError(lengths, head);
        Py_DECREF(head);
        if (name_lengths == NULL && PyErr_Occurred())
            goto done;
        if (name_lengths != NULL) {
            PyObject *iterator = PyObject_GetIter(name_lengths);
            if (iterator == NULL)
                goto done;
            PyObject *item;
            while ((item = PyIter_Next(iterator)) != NULL) {
                Py_ssize_t length = PyLong_AsSsize_t(item);
                Py_DECREF(item);
                if (length == -1 && PyErr_Occurred()) {
                    Py_DECREF(iterator);
                    goto done;
                }
                Py_ssize_t last = k + length - 1;
                if (length < 1 || last >= n)
                    continue;
                PyObject *name = PyUnicode_Substring(sentence, k, last + 1);
                if (name == NULL) {
                    Py_DECREF(iterator);
                    goto done;
                }
                PyObject *weight = first_truthy(words, name, NULL, &failed);
                Py_DECREF(name);
                if (failed || (weight != NULL && as_double(weight, &count) < 0)) {
                    Py_DECREF(iterator);
                    goto done;
                }
                if (weight == NULL)
                    continue;
                candidate = log(count) - log_total + score[last + 1];
                if (!have || candidate > best || (candidate == best && last > best_end)) {
                    best = candidate;
                    best_end = last;
                    have = 1;
                }
            }
            Py_DECREF(iterator);
            if (PyErr_Occurred())
                goto done;
        }
        if (!have) { /* no word starts here: the character alone */
            PyObject *character = PyUnicode_Substring(sentence, k, k + 1);
            if (character == NULL)
                goto done;
            PyObject *weight = first_truthy(words, character, NULL, &failed);
            if (!failed && weight == NULL)
                weight = first_truthy(freq, character, NULL, &failed);
            Py_DECREF(character);
            count = 1.0;
            if (failed || (weight != NULL && as_double(weight, &count) < 0))
                goto done;
            best = log(count) - log_total + score[k + 1];
        }
        score[k] = best;
        end[k] = best_end;
    }
    found = PyList_New(0);
    if (found == NULL)
        goto done;
    Py_ssize_t at = 0, letters = -1; /* letters: where a run of single letters and digits began */
    while (at <= n) {
        Py_ssize_t stop = at < n ? end[at] + 1 : n;
        int single_letter = at < n && stop == at + 1 && is_ascii_alnum(PyUnicode_READ_CHAR(sentence, at));
        if (single_letter) {
            if (letters < 0)
                letters = at;
            at = stop;
            continue;
        }
        PyObject *word;
        if (letters >= 0) {
            word = PyUnicode_Substring(sentence, letters, at);
            if (word == NULL || PyList_Append(found, word) < 0) {
                Py_XDECREF(word);
                Py_CLEAR(found);
                goto done;
            }
            Py_DECREF(word);
            letters = -1;
        }
        if (at == n)
            break;
        word = PyUnicode_Substring(sentence, at, stop);
        if (word == NULL || PyList_Append(found, word) < 0) {
            Py_XDECREF(word);
            Py_CLEAR(found);
            goto done;
        }
        Py_DECREF(word);
        at = stop;
    }
done:
    PyMem_Free(score);
    PyMem_Free(end);
    return found;
}

/* A word's frequency as DomainTokenizer.word_freq reads it: the name's, else jieba's; its truth. */
static int
known_word(PyObject *freq, PyObject *words, PyObject *gram)
{
    PyObject *value = PyDict_GetItemWithError(words, gram);
    if (value == NULL) {
        if (PyErr_Occurred())
            return -1;
        value = PyDict_GetItemWithError(freq, gram);
        if (value == NULL)
            return PyErr_Occurred() ? -1 : 0;
    }
    return PyObject_IsTrue(value);
}

static PyObject *
sub_words(PyObject *module, PyObject *args)
{
    PyObject *word, *freq, *words;
    if (!PyArg_ParseTuple(args, "UO!O!:sub_words", &word, &PyDict_Type, &freq, &PyDict_Type, &words))
        return NULL;
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t n = 2; n < length; n++) {
        for (Py_ssize_t i = 0; i + n <= length; i++) {
            PyObject *gram = PyUnicode_Substring(word, i, i + n);
            if (gram == NULL)
                goto failed;
            int known = known_word(freq, words, gram);
            if (known < 0 || (known && PyList_Append(found, gram) < 0)) {
                Py_DECREF(gram);
                goto failed;
            }
            Py_DECREF(gram);
        }
    }
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}

static PyObject *
prefix_matches(PyObject *module, PyObject *args)
{
    PyObject *text, *by_prefix;
    if (!PyArg_ParseTuple(args, "UO!:prefix_matches", &text, &PyDict_Type, &by_prefix))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        PyObject *head = PyUnicode_Substring(text, i, i + 2);
        if (head == NULL)
            goto failed;
        PyObject *terms = PyDict_GetItemWithError(by_prefix, head);
        Py_DECREF(head);
        if (terms == NULL) {
            if (PyErr_Occurred())
                goto failed;
            continue;
        }
        PyObject *sequence = PySequence_Fast(terms, "prefix_matches: a prefix's terms must be a sequence");
        if (sequence == NULL)
            goto failed;
        Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
        for (Py_ssize_t t = 0; t < count; t++) {
            PyObject *term = PySequence_Fast_GET_ITEM(sequence, t);
            Py_ssize_t holds = PyUnicode_Tailmatch(text, term, i, PY_SSIZE_T_MAX, -1);
            if (holds < 0) {
                Py_DECREF(sequence);
                goto failed;
            }
            if (!holds)
                continue;
            PyObject *place = Py_BuildValue("(nO)", i, term);
            if (place == NULL || PyList_Append(found, place) < 0) {
                Py_XDECREF(place);
                Py_DECREF(sequence);
                goto failed;
            }
            Py_DECREF(place);
        }
        Py_DECREF(sequence);
    }
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}

static PyMethodDef cut_methods[] = {
    {"cut_block", cut_block, METH_VARARGS,
     "cut_block(block, freq, words, lengths, log_total) -> the block's words, jieba's precise cut."},
    {"sub_words", sub_words, METH_VARARGS,
     "sub_words(word, freq, words) -> the shorter words inside word, by length, then place."},
    {"prefix_matches", prefix_matches, METH_VARARGS,
     "prefix_matches(text, by_prefix) -> [(start, term)] of the listed terms the text holds."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cut_module = {
    PyModuleDef_HEAD_INIT, "_cut", "The search index's hot loops (see the file's header).", -1,
    cut_methods,
};

PyMODINIT_FUNC
PyInit__cut(void)
{
    return PyModule_Create(&cut_module);
}
