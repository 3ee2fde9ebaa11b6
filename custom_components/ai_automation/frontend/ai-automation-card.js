var K=globalThis,G=K.ShadowRoot&&(K.ShadyCSS===void 0||K.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ee=Symbol(),we=new WeakMap,D=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==ee)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(G&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=we.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&we.set(t,e))}return e}toString(){return this.cssText}},xe=i=>new D(typeof i=="string"?i:i+"",void 0,ee),te=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,n,a)=>s+(r=>{if(r._$cssResult$===!0)return r.cssText;if(typeof r=="number")return r;throw Error("Value passed to 'css' function must be a 'css' function result: "+r+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+i[a+1],i[0]);return new D(t,i,ee)},Ae=(i,e)=>{if(G)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),n=K.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=t.cssText,i.appendChild(s)}},se=G?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return xe(t)})(i):i;var{is:Ke,defineProperty:Ge,getOwnPropertyDescriptor:Fe,getOwnPropertyNames:Ze,getOwnPropertySymbols:Qe,getPrototypeOf:Je}=Object,F=globalThis,ke=F.trustedTypes,Ye=ke?ke.emptyScript:"",Xe=F.reactiveElementPolyfillSupport,U=(i,e)=>i,ne={toAttribute(i,e){switch(e){case Boolean:i=i?Ye:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},Ee=(i,e)=>!Ke(i,e),Se={attribute:!0,type:String,converter:ne,reflect:!1,useDefault:!1,hasChanged:Ee};Symbol.metadata??=Symbol("metadata"),F.litPropertyMetadata??=new WeakMap;var A=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Se){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(e,s,t);n!==void 0&&Ge(this.prototype,e,n)}}static getPropertyDescriptor(e,t,s){let{get:n,set:a}=Fe(this.prototype,e)??{get(){return this[t]},set(r){this[t]=r}};return{get:n,set(r){let o=n?.call(this);a?.call(this,r),this.requestUpdate(e,o,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Se}static _$Ei(){if(this.hasOwnProperty(U("elementProperties")))return;let e=Je(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(U("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(U("properties"))){let t=this.properties,s=[...Ze(t),...Qe(t)];for(let n of s)this.createProperty(n,t[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,n]of t)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let n=this._$Eu(t,s);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let n of s)t.unshift(se(n))}else e!==void 0&&t.push(se(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ae(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,s);if(n!==void 0&&s.reflect===!0){let a=(s.converter?.toAttribute!==void 0?s.converter:ne).toAttribute(t,s.type);this._$Em=e,a==null?this.removeAttribute(n):this.setAttribute(n,a),this._$Em=null}}_$AK(e,t){let s=this.constructor,n=s._$Eh.get(e);if(n!==void 0&&this._$Em!==n){let a=s.getPropertyOptions(n),r=typeof a.converter=="function"?{fromAttribute:a.converter}:a.converter?.fromAttribute!==void 0?a.converter:ne;this._$Em=n;let o=r.fromAttribute(t,a.type);this[n]=o??this._$Ej?.get(n)??o,this._$Em=null}}requestUpdate(e,t,s,n=!1,a){if(e!==void 0){let r=this.constructor;if(n===!1&&(a=this[e]),s??=r.getPropertyOptions(e),!((s.hasChanged??Ee)(a,t)||s.useDefault&&s.reflect&&a===this._$Ej?.get(e)&&!this.hasAttribute(r._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:n,wrapped:a},r){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,r??t??this[e]),a!==!0||r!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,a]of this._$Ep)this[n]=a;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,a]of s){let{wrapped:r}=a,o=this[n];r!==!0||this._$AL.has(n)||o===void 0||this.C(n,void 0,a,o)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};A.elementStyles=[],A.shadowRootOptions={mode:"open"},A[U("elementProperties")]=new Map,A[U("finalized")]=new Map,Xe?.({ReactiveElement:A}),(F.reactiveElementVersions??=[]).push("2.1.2");var de=globalThis,Ce=i=>i,Z=de.trustedTypes,Te=Z?Z.createPolicy("lit-html",{createHTML:i=>i}):void 0,De="$lit$",E=`lit$${Math.random().toFixed(9).slice(2)}$`,Ue="?"+E,et=`<${Ue}>`,R=document,O=()=>R.createComment(""),N=i=>i===null||typeof i!="object"&&typeof i!="function",he=Array.isArray,tt=i=>he(i)||typeof i?.[Symbol.iterator]=="function",ie=`[ 	
\f\r]`,j=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Re=/-->/g,Me=/>/g,C=RegExp(`>|${ie}(?:([^\\s"'>=/]+)(${ie}*=${ie}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Pe=/'/g,ze=/"/g,je=/^(?:script|style|textarea|title)$/i,ue=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),p=ue(1),$=ue(2),Et=ue(3),M=Symbol.for("lit-noChange"),c=Symbol.for("lit-nothing"),He=new WeakMap,T=R.createTreeWalker(R,129);function Oe(i,e){if(!he(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return Te!==void 0?Te.createHTML(e):e}var st=(i,e)=>{let t=i.length-1,s=[],n,a=e===2?"<svg>":e===3?"<math>":"",r=j;for(let o=0;o<t;o++){let l=i[o],h,d,u=-1,f=0;for(;f<l.length&&(r.lastIndex=f,d=r.exec(l),d!==null);)f=r.lastIndex,r===j?d[1]==="!--"?r=Re:d[1]!==void 0?r=Me:d[2]!==void 0?(je.test(d[2])&&(n=RegExp("</"+d[2],"g")),r=C):d[3]!==void 0&&(r=C):r===C?d[0]===">"?(r=n??j,u=-1):d[1]===void 0?u=-2:(u=r.lastIndex-d[2].length,h=d[1],r=d[3]===void 0?C:d[3]==='"'?ze:Pe):r===ze||r===Pe?r=C:r===Re||r===Me?r=j:(r=C,n=void 0);let m=r===C&&i[o+1].startsWith("/>")?" ":"";a+=r===j?l+et:u>=0?(s.push(h),l.slice(0,u)+De+l.slice(u)+E+m):l+E+(u===-2?o:m)}return[Oe(i,a+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},L=class i{constructor({strings:e,_$litType$:t},s){let n;this.parts=[];let a=0,r=0,o=e.length-1,l=this.parts,[h,d]=st(e,t);if(this.el=i.createElement(h,s),T.currentNode=this.el.content,t===2||t===3){let u=this.el.content.firstChild;u.replaceWith(...u.childNodes)}for(;(n=T.nextNode())!==null&&l.length<o;){if(n.nodeType===1){if(n.hasAttributes())for(let u of n.getAttributeNames())if(u.endsWith(De)){let f=d[r++],m=n.getAttribute(u).split(E),k=/([.?@])?(.*)/.exec(f);l.push({type:1,index:a,name:k[2],strings:m,ctor:k[1]==="."?re:k[1]==="?"?oe:k[1]==="@"?le:z}),n.removeAttribute(u)}else u.startsWith(E)&&(l.push({type:6,index:a}),n.removeAttribute(u));if(je.test(n.tagName)){let u=n.textContent.split(E),f=u.length-1;if(f>0){n.textContent=Z?Z.emptyScript:"";for(let m=0;m<f;m++)n.append(u[m],O()),T.nextNode(),l.push({type:2,index:++a});n.append(u[f],O())}}}else if(n.nodeType===8)if(n.data===Ue)l.push({type:2,index:a});else{let u=-1;for(;(u=n.data.indexOf(E,u+1))!==-1;)l.push({type:7,index:a}),u+=E.length-1}a++}}static createElement(e,t){let s=R.createElement("template");return s.innerHTML=e,s}};function P(i,e,t=i,s){if(e===M)return e;let n=s!==void 0?t._$Co?.[s]:t._$Cl,a=N(e)?void 0:e._$litDirective$;return n?.constructor!==a&&(n?._$AO?.(!1),a===void 0?n=void 0:(n=new a(i),n._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=n:t._$Cl=n),n!==void 0&&(e=P(i,n._$AS(i,e.values),n,s)),e}var ae=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,n=(e?.creationScope??R).importNode(t,!0);T.currentNode=n;let a=T.nextNode(),r=0,o=0,l=s[0];for(;l!==void 0;){if(r===l.index){let h;l.type===2?h=new I(a,a.nextSibling,this,e):l.type===1?h=new l.ctor(a,l.name,l.strings,this,e):l.type===6&&(h=new ce(a,this,e)),this._$AV.push(h),l=s[++o]}r!==l?.index&&(a=T.nextNode(),r++)}return T.currentNode=R,n}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},I=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,n){this.type=2,this._$AH=c,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=P(this,e,t),N(e)?e===c||e==null||e===""?(this._$AH!==c&&this._$AR(),this._$AH=c):e!==this._$AH&&e!==M&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):tt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==c&&N(this._$AH)?this._$AA.nextSibling.data=e:this.T(R.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,n=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=L.createElement(Oe(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(t);else{let a=new ae(n,this),r=a.u(this.options);a.p(t),this.T(r),this._$AH=a}}_$AC(e){let t=He.get(e.strings);return t===void 0&&He.set(e.strings,t=new L(e)),t}k(e){he(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,n=0;for(let a of e)n===t.length?t.push(s=new i(this.O(O()),this.O(O()),this,this.options)):s=t[n],s._$AI(a),n++;n<t.length&&(this._$AR(s&&s._$AB.nextSibling,n),t.length=n)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Ce(e).nextSibling;Ce(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},z=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,n,a){this.type=1,this._$AH=c,this._$AN=void 0,this.element=e,this.name=t,this._$AM=n,this.options=a,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=c}_$AI(e,t=this,s,n){let a=this.strings,r=!1;if(a===void 0)e=P(this,e,t,0),r=!N(e)||e!==this._$AH&&e!==M,r&&(this._$AH=e);else{let o=e,l,h;for(e=a[0],l=0;l<a.length-1;l++)h=P(this,o[s+l],t,l),h===M&&(h=this._$AH[l]),r||=!N(h)||h!==this._$AH[l],h===c?e=c:e!==c&&(e+=(h??"")+a[l+1]),this._$AH[l]=h}r&&!n&&this.j(e)}j(e){e===c?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},re=class extends z{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===c?void 0:e}},oe=class extends z{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==c)}},le=class extends z{constructor(e,t,s,n,a){super(e,t,s,n,a),this.type=5}_$AI(e,t=this){if((e=P(this,e,t,0)??c)===M)return;let s=this._$AH,n=e===c&&s!==c||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,a=e!==c&&(s===c||n);n&&this.element.removeEventListener(this.name,this,s),a&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ce=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){P(this,e)}};var nt=de.litHtmlPolyfillSupport;nt?.(L,I),(de.litHtmlVersions??=[]).push("3.3.3");var Ne=(i,e,t)=>{let s=t?.renderBefore??e,n=s._$litPart$;if(n===void 0){let a=t?.renderBefore??null;s._$litPart$=n=new I(e.insertBefore(O(),a),a,void 0,t??{})}return n._$AI(i),n};var pe=globalThis,b=class extends A{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ne(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return M}};b._$litElement$=!0,b.finalized=!0,pe.litElementHydrateSupport?.({LitElement:b});var it=pe.litElementPolyfillSupport;it?.({LitElement:b});(pe.litElementVersions??=[]).push("4.2.2");var at=/^[A-Za-z0-9_][A-Za-z0-9_ .:/+-]*$/,rt=/^(true|false|yes|no|on|off|null|~|[0-9.:+-]+)$/i;function ge(i){if(i==null)return"null";if(typeof i=="number"||typeof i=="boolean")return String(i);let e=String(i);return at.test(e)&&!rt.test(e)&&!e.endsWith(" ")&&!e.includes(": ")?e:JSON.stringify(e)}function fe(i,e){return Array.isArray(i)?i.length?i.flatMap(t=>{let s=fe(t,e+"  ");return t!==null&&typeof t=="object"&&s.length?[`${e}- ${s[0].trimStart()}`,...s.slice(1)]:[`${e}- ${ge(t)}`]}):[]:i!==null&&typeof i=="object"?Object.entries(i).flatMap(([t,s])=>(Array.isArray(s)?!s.length:s!==null&&typeof s=="object"&&!Object.keys(s).length)?[`${e}${t}: ${Array.isArray(s)?"[]":"{}"}`]:s!==null&&typeof s=="object"?[`${e}${t}:`,...fe(s,e+"  ")]:[`${e}${t}: ${ge(s)}`]):[`${e}${ge(i)}`]}function Le(i){let{alias:e,description:t,...s}=i;return fe(s,"").join(`
`)}var me={card_name:"AI Automation",card_description:"Automation suggestions with the evidence behind them: accept, dismiss, run the analysis.",broker:"MQTT broker",bridge:"Zigbee2MQTT",connected:"connected",disconnected:"disconnected",online:"online",offline:"offline",not_seen:"not seen yet",unknown:"unknown",last_analysis:"Last analysis",never:"never",status_success:"success",status_no_data:"no history",status_failed:"failed",status_running:"running",changes_read:"{n} changes read",new_suggestions:"{n} new",run_analysis:"Run analysis",running:"Analysing…",no_run:"No analysis has run yet. Run one now, or wait for the daily run.",short_history:"History since {days} days; habits need at least {min} days. The daily analysis keeps looking.",nothing_found:"No open suggestions. The last analysis read {events} changes and found nothing new.",failed:"The last analysis failed: {error}",not_loaded:"AI Automation is not set up or not running.",load_error:"Could not load the suggestions: {error}",kind_habit:"Habit",kind_sequence:"Sequence",kind_unused_capability:"Unused capability",kind_sun:"Sun",kind_presence:"Presence",kind_group:"Group",show_automation:"The automation it creates",no_automation:"A hint: there is no automation to create.",accept:"Accept",dismiss:"Dismiss",snooze:"Snooze",created:"Automation created: {title}",open_editor:"Open in the automation editor",action_failed:"That did not work: {error}",habit_picture:"Times over {days} days, one row per day; suggested {from}–{to}",suggested_time:"suggested time",other_days:"other days",sun_relative:"band follows {event}",delay_picture:"Delays between trigger and action, {n} times; window {window} s",seconds_after:"seconds after the trigger",typical:"typically {s} s",capability_picture:"{device}: {capability}, unchanged in use",range:"range",values:"values",unchanged:"never changed while in use",always:"always {value}",backtest:"Last {total} days: {hits} would have been right",hit:"right",miss:"wrong",near:"near",kinds:"Kinds of suggestions (none: all)",areas:"Areas (none: all)",max_suggestions:"How many suggestions",show_header:"Show the status header",more:"{n} more open"},ot={card_name:"AI Automation",card_description:"Automatisierungsvorschläge mit ihren Belegen: annehmen, verwerfen, Analyse starten.",broker:"MQTT-Broker",bridge:"Zigbee2MQTT",connected:"verbunden",disconnected:"getrennt",online:"online",offline:"offline",not_seen:"noch nicht gesehen",unknown:"unbekannt",last_analysis:"Letzte Analyse",never:"noch nie",status_success:"erfolgreich",status_no_data:"kein Verlauf",status_failed:"fehlgeschlagen",status_running:"läuft",changes_read:"{n} Änderungen gelesen",new_suggestions:"{n} neu",run_analysis:"Analyse starten",running:"Analysiere …",no_run:"Es lief noch keine Analyse. Starte jetzt eine oder warte auf die tägliche.",short_history:"Verlauf seit {days} Tagen; Gewohnheiten brauchen mindestens {min} Tage. Die tägliche Analyse sucht weiter.",nothing_found:"Keine offenen Vorschläge. Die letzte Analyse hat {events} Änderungen gelesen und nichts Neues gefunden.",failed:"Die letzte Analyse ist fehlgeschlagen: {error}",not_loaded:"AI Automation ist nicht eingerichtet oder läuft nicht.",load_error:"Die Vorschläge konnten nicht geladen werden: {error}",kind_habit:"Gewohnheit",kind_sequence:"Abfolge",kind_unused_capability:"Ungenutzte Funktion",kind_sun:"Sonne",kind_presence:"Anwesenheit",kind_group:"Gruppe",show_automation:"Die Automatisierung, die entsteht",no_automation:"Ein Hinweis: Es gibt keine Automatisierung zu erstellen.",accept:"Annehmen",dismiss:"Verwerfen",snooze:"Später",created:"Automatisierung erstellt: {title}",open_editor:"Im Automatisierungseditor öffnen",action_failed:"Das hat nicht geklappt: {error}",habit_picture:"Zeiten über {days} Tage, eine Zeile pro Tag; vorgeschlagen {from}–{to}",suggested_time:"vorgeschlagene Zeit",other_days:"andere Tage",sun_relative:"Band folgt {event}",delay_picture:"Verzögerung zwischen Auslöser und Aktion, {n}-mal; Fenster {window} s",seconds_after:"Sekunden nach dem Auslöser",typical:"meist {s} s",capability_picture:"{device}: {capability}, im Betrieb unverändert",range:"Bereich",values:"Werte",unchanged:"im Betrieb nie verändert",always:"immer {value}",backtest:"Letzte {total} Tage: {hits} hätten gestimmt",hit:"richtig",miss:"falsch",near:"knapp daneben",kinds:"Arten von Vorschlägen (keine: alle)",areas:"Bereiche (keine: alle)",max_suggestions:"Wie viele Vorschläge",show_header:"Statuszeile anzeigen",more:"{n} weitere offen"},lt={card_name:"AI Automation",card_description:"Automatiseringsvoorstellen met het bewijs erachter: accepteren, afwijzen, analyse starten.",broker:"MQTT-broker",bridge:"Zigbee2MQTT",connected:"verbonden",disconnected:"niet verbonden",online:"online",offline:"offline",not_seen:"nog niet gezien",unknown:"onbekend",last_analysis:"Laatste analyse",never:"nog nooit",status_success:"gelukt",status_no_data:"geen geschiedenis",status_failed:"mislukt",status_running:"bezig",changes_read:"{n} wijzigingen gelezen",new_suggestions:"{n} nieuw",run_analysis:"Analyse starten",running:"Bezig met analyseren…",no_run:"Er is nog geen analyse gedaan. Start er nu een, of wacht op de dagelijkse.",short_history:"Geschiedenis sinds {days} dagen; gewoontes hebben minstens {min} dagen nodig. De dagelijkse analyse blijft zoeken.",nothing_found:"Geen open voorstellen. De laatste analyse las {events} wijzigingen en vond niets nieuws.",failed:"De laatste analyse is mislukt: {error}",not_loaded:"AI Automation is niet ingesteld of draait niet.",load_error:"De voorstellen konden niet worden geladen: {error}",kind_habit:"Gewoonte",kind_sequence:"Volgorde",kind_unused_capability:"Ongebruikte functie",kind_sun:"Zon",kind_presence:"Aanwezigheid",kind_group:"Groep",show_automation:"De automatisering die ontstaat",no_automation:"Een tip: er is geen automatisering om te maken.",accept:"Accepteren",dismiss:"Afwijzen",snooze:"Later",created:"Automatisering gemaakt: {title}",open_editor:"Openen in de automatiseringseditor",action_failed:"Dat lukte niet: {error}",habit_picture:"Tijden over {days} dagen, één rij per dag; voorgesteld {from}–{to}",suggested_time:"voorgestelde tijd",other_days:"andere dagen",sun_relative:"band volgt {event}",delay_picture:"Vertraging tussen trigger en actie, {n} keer; venster {window} s",seconds_after:"seconden na de trigger",typical:"meestal {s} s",capability_picture:"{device}: {capability}, ongewijzigd in gebruik",range:"bereik",values:"waarden",unchanged:"tijdens gebruik nooit gewijzigd",always:"altijd {value}",backtest:"Laatste {total} dagen: {hits} zouden goed zijn geweest",hit:"goed",miss:"fout",near:"net ernaast",kinds:"Soorten voorstellen (geen: alle)",areas:"Ruimtes (geen: alle)",max_suggestions:"Hoeveel voorstellen",show_header:"Statusregel tonen",more:"nog {n} open"},ct={en:me,de:ot,nl:lt};function B(i){let e=ct[(i??"en").split("-")[0]]??me;return(t,s={})=>(e[t]??me[t]).replace(/\{(\w+)\}/g,(n,a)=>a in s?String(s[a]):n)}function Ie(){return typeof navigator<"u"?navigator.language:"en"}var dt=["habit","sequence","unused_capability"];async function ht(){if(customElements.get("ha-form"))return;await(await window.loadCardHelpers?.())?.createCardElement({type:"entities",entities:[]})?.constructor?.getConfigElement?.()}var V=class extends b{setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),ht().then(()=>this.requestUpdate())}render(){if(!this.hass||!this._config)return c;let e=B(this.hass.locale?.language??this.hass.language),t=[{name:"kinds",selector:{select:{multiple:!0,mode:"list",options:dt.map(n=>({value:n,label:e(`kind_${n}`)}))}}},{name:"areas",selector:{area:{multiple:!0}}},{name:"max_suggestions",selector:{number:{min:1,max:50,mode:"box"}}},{name:"show_header",selector:{boolean:{}}}],s={show_header:!0,max_suggestions:5,...this._config};return p`<ha-form
      .hass=${this.hass}
      .data=${s}
      .schema=${t}
      .computeLabel=${n=>e(n.name)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation();let t={...this._config,...e.detail.value};for(let s of["kinds","areas"])t[s]?.length||delete t[s];this._config=t,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:t},bubbles:!0,composed:!0}))}};V.properties={hass:{attribute:!1},_config:{state:!0}};var v=320,Q=44,_e=8,J={all:[0,1,2,3,4,5,6],weekdays:[1,2,3,4,5],weekends:[0,6]},ut={sun:0,mon:1,tue:2,wed:3,thu:4,fri:5,sat:6};function pt(i){if(i===void 0)return J.all;if(J[i])return J[i];let e=i.split(",").map(t=>ut[t.trim()]).filter(t=>t!==void 0);return e.length?e:J.all}function Y(i){let e=(Math.round(i)%1440+1440)%1440;return`${String(Math.floor(e/60)).padStart(2,"0")}:${String(e%60).padStart(2,"0")}`}function Be(i){let[e,t]=i;return e<=t?[[e,t]]:[[e,1440],[0,t]]}function gt(i,e,t,s){let n=Math.max(i.days,1),a=n<=21?11:Math.max(3,230/n),r=4,o=n*a,l=r+o+15,h=v-Q-_e,d=g=>Q+g/1440*h,u=g=>r+g*a+a/2,f=pt(e.days),m=new Date(`${i.first_day}T12:00:00`),k=new Intl.DateTimeFormat(s,{weekday:"short"}),_=Array.from({length:n},(g,y)=>{let x=new Date(m.getTime()+y*864e5);return{day:y,date:x,counted:f.includes(x.getDay())}}),w=a>=10?1:7,W=Math.min(3,a/2-.3),S=i.band,be=S?t("habit_picture",{days:n,from:Y(S[0]),to:Y(S[1])}):t("habit_picture",{days:n,from:e.median_time??"",to:e.median_time??""}),X=[];if(i.bands?.length)i.bands.forEach((g,y)=>{if(g)for(let[x,We]of Be(g))X.push($`<rect class="band" x=${d(x)} y=${r+y*a} width=${Math.max(d(We)-d(x),1.5)} height=${a}></rect>`)});else if(S)for(let[g,y]of Be(S))X.push($`<rect class="band" x=${d(g)} y=${r} width=${Math.max(d(y)-d(g),1.5)} height=${o}></rect>`);return p`
    <figure class="picture">
      <svg viewBox="0 0 ${v} ${l}" role="img" aria-label=${be}>
        <title>${be}</title>
        ${_.map(({day:g,counted:y})=>$`<rect class=${y?"row":"row other"} x=${Q} y=${r+g*a} width=${h} height=${a}></rect>`)}
        ${X}
        ${[0,6,12,18,24].map(g=>$`
            <line class="grid" x1=${d(g*60)} x2=${d(g*60)} y1=${r} y2=${r+o}></line>
            <text class="axis" x=${d(g*60)} y=${l-3} text-anchor=${g===24?"end":"middle"}>${String(g).padStart(2,"0")}</text>`)}
        ${_.map(({day:g,date:y,counted:x})=>g%w===0||g===n-1?$`<text class=${x?"day":"day other"} x=${Q-4} y=${u(g)+2.5} text-anchor="end">${k.format(y)} ${y.getDate()}</text>`:c)}
        ${i.times.map(([g,y])=>{let x=_[g]?.counted??!0;return $`<circle class=${x?"dot":"dot other"} cx=${d(y)} cy=${u(g)} r=${W}></circle>`})}
      </svg>
      <figcaption>
        ${S?p`<span class="key"><span class="swatch band"></span>${t("suggested_time")}
              ${Y(S[0])}–${Y(S[1])}</span>`:c}
        ${f.length<7?p`<span class="key"><span class="swatch other"></span>${t("other_days")}</span>`:c}
        ${e.sun_event?p`<span class="key">${t("sun_relative",{event:e.sun_event})}</span>`:c}
      </figcaption>
    </figure>
  `}function ft(i,e,t){let r=v-24-_e,o=72,l=i.counts.reduce((_,w)=>_+w,0),h=Math.max(...i.counts,1),d=i.bin_seconds*i.counts.length||1,u=_=>24+Math.min(_,d)/d*r,f=r/Math.max(i.counts.length,1),m=t("delay_picture",{n:l,window:Math.round(i.window_seconds)}),k=[0,d/2,d];return p`
    <figure class="picture">
      <svg viewBox="0 0 ${v} ${96}" role="img" aria-label=${m}>
        <title>${m}</title>
        <rect class="window" x=${24} y="6" width=${u(i.window_seconds)-24} height=${o}></rect>
        ${i.counts.map((_,w)=>{let W=_/h*(o-4);return $`<rect class="bar" x=${24+w*f+1} y=${6+o-W} width=${Math.max(f-2,1)} height=${W}><title>${w*i.bin_seconds}–${(w+1)*i.bin_seconds} s: ${_}</title></rect>`})}
        <line class="grid" x1=${24} x2=${v-_e} y1=${6+o} y2=${6+o}></line>
        ${e!==void 0?$`<line class="median" x1=${u(e)} x2=${u(e)} y1="6" y2=${6+o}></line>`:c}
        ${k.map((_,w)=>$`<text class="axis" x=${u(_)} y=${91} text-anchor=${["start","middle","end"][w]}>${Math.round(_)} s</text>`)}
        <text class="axis" x=${20} y="12" text-anchor="end">${h}</text>
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar"></span>${t("seconds_after")}</span>
        ${e!==void 0?p`<span class="key"><span class="swatch median"></span>${t("typical",{s:Math.round(e)})}</span>`:c}
        <span class="key"><span class="swatch window"></span>${m.split(";")[1]?.trim()??""}</span>
      </figcaption>
    </figure>
  `}function mt(i){let e=i.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}function _t(i,e){let t=i.label||mt(i.property),s=i.unit??"",{min:n,max:a,value:r}=i,o=typeof n=="number"&&typeof a=="number"&&a>n,l=o&&typeof r=="number"&&r>=n&&r<=a,h=r==null||typeof r=="object"?"":e("always",{value:typeof r=="number"&&s?`${r} ${s}`:r}),d=e("capability_picture",{device:i.device,capability:t}),u=l?8+(r-n)/(a-n)*(v-16):0;return p`
    <figure class="picture capability" role="img" aria-label=${d}>
      <div class="device">
        <svg viewBox="0 0 24 24" class="chip-icon" aria-hidden="true">
          <path d="M12,2A7,7 0 0,0 5,9C5,11.38 6.19,13.47 8,14.74V17A1,1 0 0,0 9,18H15A1,1 0 0,0 16,17V14.74C17.81,13.47 19,11.38 19,9A7,7 0 0,0 12,2M9,21A1,1 0 0,0 10,22H14A1,1 0 0,0 15,21V20H9V21Z"></path>
        </svg>
        <span class="device-name">${i.device}</span>
        <span class="capability-name">${t}</span>
      </div>
      ${o?p`<svg viewBox="0 0 ${v} 34" aria-hidden="true">
            <rect class="range" x="8" y="8" width=${v-16} height="8" rx="4"></rect>
            ${l?$`<circle class="usual" cx=${u} cy="12" r="6"></circle>`:c}
            <text class="axis" x="8" y="30">${n} ${s}</text>
            <text class="axis" x=${v-8} y="30" text-anchor="end">${a} ${s}</text>
          </svg>`:c}
      ${i.values?.length?p`<div class="values">
            ${i.values.map(f=>p`<span class=${f===r?"value usual":"value"}>${f}</span>`)}
          </div>`:c}
      <figcaption>
        <span class="key"><span class="swatch unused"></span>${e("unchanged")}</span>
        ${h?p`<span class="key seen"><span class="swatch usual"></span>${h}</span>`:c}
      </figcaption>
    </figure>
  `}function yt(i){if(i.backtest===void 0&&Array.isArray(i.backtest_days))return i.backtest_days.map(s=>({date:s.date,hit:s.result==="right",near:s.result==="near"}));let e=i.backtest;return(Array.isArray(e)?e:e?.days??[]).map(s=>typeof s=="boolean"?{hit:s}:s)}function $t(i,e){let t=yt(i);if(!t.length)return c;let s=t.filter(r=>r.hit).length,n=e("backtest",{total:t.length,hits:s}),a=Math.min(14,(v-8)/t.length-2);return p`
    <figure class="picture">
      <svg viewBox="0 0 ${v} ${a+4}" role="img" aria-label=${n}>
        <title>${n}</title>
        ${t.map((r,o)=>$`<rect class=${r.hit?"hit":r.near?"near":"miss"} x=${4+o*(a+2)} y="2" width=${a} height=${a} rx="2"><title>${r.date??""} ${r.hit?e("hit"):r.near?e("near"):e("miss")}</title></rect>`)}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch hit"></span>${n}</span>
      </figcaption>
    </figure>
  `}function Ve(i,e,t){return[i.series?gt(i.series,i,e,t):c,i.delays?ft(i.delays,i.median_delay_seconds,e):c,i.capability?_t(i.capability,e):c,$t(i,e)]}var qe=te`
  :host {
    --aa-accent: var(--primary-color, #03a9f4);
    --aa-muted: var(--secondary-text-color, #727272);
    --aa-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --aa-ok: var(--success-color, #43a047);
    --aa-bad: var(--error-color, #db4437);
    --aa-warn: var(--warning-color, #ffa600);
  }
  ha-card {
    overflow: hidden;
  }
  .card-title {
    font-size: var(--ha-card-header-font-size, 24px);
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
    padding: 16px 16px 0;
    margin: 0;
    line-height: 1.3;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  .health {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    flex: 1 1 240px;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 10px 2px 8px;
    border-radius: 14px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    white-space: nowrap;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--aa-muted);
    flex: none;
  }
  .dot.ok {
    background: var(--aa-ok);
  }
  .dot.bad {
    background: var(--aa-bad);
  }
  .dot.warn {
    background: var(--aa-warn);
  }
  .run {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    font-size: 14px;
    color: var(--aa-muted);
  }
  .run strong {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  button {
    font: inherit;
    font-size: 14px;
    font-weight: 500;
    letter-spacing: 0.01em;
    border-radius: var(--ha-button-border-radius, 18px);
    min-height: 36px;
    padding: 0 16px;
    cursor: pointer;
    border: 1px solid var(--aa-accent);
    background: transparent;
    color: var(--aa-accent);
  }
  button.primary {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--aa-accent);
    outline-offset: 2px;
  }
  .empty,
  .error {
    padding: 16px;
    color: var(--aa-muted);
    font-size: 14px;
    line-height: 1.5;
    margin: 0;
  }
  .error {
    color: var(--aa-bad);
  }
  ul.suggestions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.suggestion {
    padding: 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  li.suggestion:last-child {
    border-bottom: none;
  }
  .kind {
    display: inline-block;
    font-size: 11px;
    font-weight: 500;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--aa-accent);
    margin-bottom: 2px;
  }
  h3 {
    font-size: 16px;
    font-weight: 500;
    margin: 0 0 4px;
    color: var(--primary-text-color);
    line-height: 1.35;
  }
  p.evidence {
    font-size: 14px;
    margin: 0 0 8px;
    color: var(--aa-muted);
    line-height: 1.45;
  }
  figure.picture {
    margin: 8px 0;
  }
  figure.picture svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: 260px;
  }
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 12px;
    color: var(--aa-muted);
    margin-top: 4px;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border-radius: 2px;
    display: inline-block;
  }
  .swatch.band {
    background: var(--aa-accent);
    opacity: 0.3;
  }
  .swatch.other {
    background: var(--disabled-text-color, #bdbdbd);
  }
  .swatch.bar {
    background: var(--aa-accent);
  }
  .swatch.median {
    width: 2px;
    background: var(--primary-text-color);
  }
  .swatch.window,
  .swatch.unused {
    background: var(--aa-divider);
  }
  .swatch.usual {
    background: var(--aa-accent);
    border-radius: 50%;
  }
  .swatch.hit {
    background: var(--aa-accent);
  }
  svg .row {
    fill: transparent;
  }
  svg .row.other {
    fill: var(--aa-divider);
    opacity: 0.5;
  }
  svg .band {
    fill: var(--aa-accent);
    opacity: 0.22;
  }
  svg .grid {
    stroke: var(--aa-divider);
    stroke-width: 0.6;
  }
  svg text {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, sans-serif));
  }
  svg .axis,
  svg .day {
    font-size: 9px;
    fill: var(--aa-muted);
  }
  svg .day.other {
    opacity: 0.5;
  }
  svg .dot {
    fill: var(--aa-accent);
  }
  svg .dot.other {
    fill: var(--disabled-text-color, #bdbdbd);
  }
  svg .bar {
    fill: var(--aa-accent);
  }
  svg .window {
    fill: var(--aa-divider);
    opacity: 0.45;
  }
  svg .median {
    stroke: var(--primary-text-color);
    stroke-width: 1.2;
    stroke-dasharray: 3 2;
  }
  svg .range {
    fill: var(--aa-divider);
  }
  svg .usual {
    fill: var(--aa-accent);
    stroke: var(--card-background-color, #fff);
    stroke-width: 2;
  }
  svg .hit {
    fill: var(--aa-accent);
  }
  svg .miss {
    fill: transparent;
    stroke: var(--aa-bad);
    stroke-width: 1.2;
  }
  svg .near {
    fill: transparent;
    stroke: var(--aa-accent);
    stroke-width: 1.2;
  }
  .capability .device {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    font-size: 14px;
  }
  figure.picture svg.chip-icon {
    width: 20px;
    height: 20px;
    flex: none;
    fill: var(--state-icon-color, var(--aa-muted));
  }
  .device-name {
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .capability-name,
  .value {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
  }
  .value.usual {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 8px;
  }
  details {
    margin: 8px 0;
    font-size: 14px;
  }
  summary {
    cursor: pointer;
    color: var(--aa-accent);
    padding: 4px 0;
    border-radius: 4px;
  }
  pre {
    margin: 6px 0 0;
    padding: 8px 12px;
    overflow-x: auto;
    font-family: var(--ha-font-family-code, var(--code-font-family, monospace));
    font-size: 12.5px;
    line-height: 1.5;
    border-radius: 8px;
    background: var(--code-editor-background-color, var(--secondary-background-color, rgba(127, 127, 127, 0.1)));
    color: var(--primary-text-color);
  }
  .hint {
    font-size: 13px;
    color: var(--aa-muted);
    margin: 6px 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    justify-content: flex-end;
    margin-top: 8px;
  }
  .done {
    font-size: 14px;
    color: var(--primary-text-color);
  }
  .done a {
    color: var(--aa-accent);
    font-weight: 500;
  }
  .more {
    padding: 8px 16px 12px;
    font-size: 13px;
    color: var(--aa-muted);
  }
`;var H="ai_automation",ye="ai-automation-card",$e=5,vt=["mqtt_broker","zigbee2mqtt_bridge","last_run","last_run_status","suggestions_open"];function ve(i){return i&&typeof i=="object"&&"message"in i?String(i.message):String(i)}function bt(i){let e=i.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}var q=class extends b{constructor(){super();this._entityIds={};this._watched="";this._request=0;this._total=0,this._running=!1,this._busy=new Set,this._created=[]}static getConfigElement(){return document.createElement("ai-automation-card-editor")}static getStubConfig(){return{show_header:!0,max_suggestions:$e}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.kinds!==void 0&&!Array.isArray(t.kinds))throw new Error("kinds must be a list");if(t.areas!==void 0&&!Array.isArray(t.areas))throw new Error("areas must be a list");let s=JSON.stringify(t)!==JSON.stringify(this._config);this._config=t,s&&this.hass&&this._refresh()}getCardSize(){let t=this._suggestions?.length??Math.min(this._config?.max_suggestions??$e,3);return(this._config?.show_header===!1?1:3)+5*Math.max(t,1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}get _t(){return B(this.hass?.locale?.language??this.hass?.language)}get _language(){return this.hass?.locale?.language??this.hass?.language??"en"}_entity(t){if(!this._entityIds[t]&&this.hass?.entities)for(let n of Object.values(this.hass.entities))n.platform===H&&n.translation_key&&(this._entityIds[n.translation_key]=n.entity_id);let s=this._entityIds[t];return s?this.hass?.states[s]:void 0}willUpdate(t){if(!t.has("hass")||!this.hass)return;let s=vt.slice(2).map(n=>this._entity(n)?.state??"").join("|");(s!==this._watched||this._status===void 0)&&(this._watched=s,this._refresh())}async _refresh(){if(!this.hass||!this._config)return;let t=++this._request,s={type:`${H}/suggestions`,status:"new",limit:this._config.max_suggestions??$e};this._config.kinds?.length&&(s.kinds=this._config.kinds),this._config.areas?.length&&(s.area_ids=this._config.areas);try{let[n,a]=await Promise.all([this.hass.callWS({type:`${H}/status`}),this.hass.callWS(s)]);if(t!==this._request)return;this._status=n,this._suggestions=a.suggestions,this._total=a.total,this._error=void 0}catch(n){if(t!==this._request)return;let a=n&&typeof n=="object"&&"code"in n?n.code:void 0;this._error=a==="not_loaded"?this._t("not_loaded"):this._t("load_error",{error:ve(n)})}}async _runAnalysis(){if(this.hass){this._running=!0;try{await this.hass.callService(H,"run_analysis",{})}catch(t){this._error=this._t("action_failed",{error:ve(t)})}finally{this._running=!1}await this._refresh()}}async _decide(t,s){if(this.hass){this._busy=new Set([...this._busy,t.id]);try{let n=await this.hass.callWS({type:`${H}/suggestions/handle`,suggestion_id:t.id,decision:s});s==="accept"&&(this._created=[...this._created,{id:t.id,title:n.title,automationId:n.automation_id??`${H}_${t.id}`}]),this._suggestions=this._suggestions?.filter(a=>a.id!==t.id),this._error=void 0}catch(n){this._error=this._t("action_failed",{error:ve(n)})}finally{let n=new Set(this._busy);n.delete(t.id),this._busy=n}await this._refresh()}}render(){let t=this._t;return p`
      <ha-card>
        ${this._config?.show_header===!1?c:this._renderHeader(t)}
        ${this._error?p`<p class="error" role="alert">${this._error}</p>`:c}
        ${this._created.length?p`<ul class="suggestions created" aria-live="polite">
              ${this._created.map(s=>p`<li class="suggestion done" data-id=${s.id}>
                  <span>${t("created",{title:s.title})}</span> ·
                  <a href="/config/automation/edit/${s.automationId}">${t("open_editor")}</a>
                </li>`)}
            </ul>`:c}
        ${this._renderSuggestions(t)}
      </ha-card>
    `}_renderHeader(t){let s=this._entity("mqtt_broker")?.state,n=this._entity("zigbee2mqtt_bridge")?.state,a=t(s==="on"?"connected":s==="off"?"disconnected":"unknown"),r=t(n==="on"?"online":n==="off"?"offline":n==="unknown"?"not_seen":"unknown"),o=this._status?.last_run??{},l=this._running||this._status?.running||this._entity("last_run_status")?.state==="running",h=[];if(l)h.push(t("status_running"));else if(o.status){let d=`status_${o.status}`;h.push(t(d)===d?o.status:t(d)),o.success&&(h.push(t("changes_read",{n:o.events_analysed??0})),h.push(t("new_suggestions",{n:o.suggestions_generated??0})))}return p`
      <h2 class="card-title">${t("card_name")}</h2>
      <div class="header">
        <div class="health">
          <span class="pill broker"><span class="dot ${s==="on"?"ok":"bad"}"></span>${t("broker")}: ${a}</span>
          <span class="pill bridge"><span class="dot ${n==="on"?"ok":n==="off"?"bad":"warn"}"></span>${t("bridge")}: ${r}</span>
        </div>
        <div class="run">
          <span class="last-run">${t("last_analysis")}:
            <strong title=${o.timestamp?new Date(o.timestamp).toLocaleString(this._language):""}>${o.timestamp?this._ago(o.timestamp):t("never")}</strong>${h.length?` · ${h.join(" · ")}`:""}</span>
          <button class="run-analysis" ?disabled=${l} @click=${this._runAnalysis}>
            ${t(l?"running":"run_analysis")}
          </button>
        </div>
      </div>
    `}_ago(t){let s=(new Date(t).getTime()-Date.now())/1e3,n=new Intl.RelativeTimeFormat(this._language,{numeric:"auto"}),a=[["day",86400],["hour",3600],["minute",60]];for(let[r,o]of a)if(Math.abs(s)>=o)return n.format(Math.round(s/o),r);return n.format(Math.min(0,Math.round(s)),"second")}_emptyText(t){let s=this._status,n=s?.last_run??{};if(!n.status)return t("no_run");if(n.status==="failed")return t("failed",{error:n.error??""});let a=n.history_days;return a!==void 0&&s&&a<s.min_days?t("short_history",{days:Math.floor(a),min:s.min_days}):t("nothing_found",{events:n.events_analysed??0})}_renderSuggestions(t){if(this._suggestions===void 0)return c;if(!this._suggestions.length)return p`<p class="empty">${this._emptyText(t)}</p>`;let s=this._total-this._suggestions.length;return p`
      <ul class="suggestions">
        ${this._suggestions.map(n=>this._renderSuggestion(n,t))}
      </ul>
      ${s>0?p`<div class="more">${t("more",{n:s})}</div>`:c}
    `}_renderSuggestion(t,s){let n=`kind_${t.kind}`,a=s(n)===n?bt(t.kind):s(n),r=this._busy.has(t.id),o=this._status?.decisions??["accept","dismiss"],l=`title-${t.id}`,h=t.ai_worded&&t.evidence_text&&t.evidence_text!==t.description?t.evidence_text:void 0;return p`
      <li class="suggestion" data-id=${t.id} data-kind=${t.kind}>
        <span class="kind">${a}</span>
        <h3 id=${l}>${t.title}</h3>
        <p class="evidence">${t.description}${h?p`<br />${h}`:c}</p>
        ${Ve(t.evidence??{},s,this._language)}
        ${t.automation?p`<details>
              <summary>${s("show_automation")}</summary>
              <pre>${Le(t.automation)}</pre>
            </details>`:p`<p class="hint">${s("no_automation")}</p>`}
        <div class="actions">
          ${o.includes("snooze")?p`<button class="snooze" aria-describedby=${l} ?disabled=${r}
                @click=${()=>this._decide(t,"snooze")}>${s("snooze")}</button>`:c}
          <button class="dismiss" aria-describedby=${l} ?disabled=${r}
            @click=${()=>this._decide(t,"dismiss")}>${s("dismiss")}</button>
          ${t.automation?p`<button class="accept primary" aria-describedby=${l} ?disabled=${r}
                @click=${()=>this._decide(t,"accept")}>${s("accept")}</button>`:c}
        </div>
      </li>
    `}};q.styles=qe,q.properties={hass:{attribute:!1},_config:{state:!0},_status:{state:!0},_suggestions:{state:!0},_total:{state:!0},_error:{state:!0},_running:{state:!0},_busy:{state:!0},_created:{state:!0}};function wt(){if(customElements.get("ai-automation-card-editor")||customElements.define("ai-automation-card-editor",V),customElements.get(ye))return;customElements.define(ye,q);let i=B(Ie());window.customCards=window.customCards??[],window.customCards.push({type:ye,name:i("card_name"),description:i("card_description"),preview:!0,documentationURL:"https://github.com/ai-automation-team/ai_automation#dashboard-card"})}customElements.whenDefined("home-assistant").then(wt);export{q as AiAutomationCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
