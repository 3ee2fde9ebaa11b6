var Q=globalThis,J=Q.ShadowRoot&&(Q.ShadyCSS===void 0||Q.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ie=Symbol(),Ee=new WeakMap,U=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==ie)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(J&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ee.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ee.set(t,e))}return e}toString(){return this.cssText}},Te=a=>new U(typeof a=="string"?a:a+"",void 0,ie),re=(a,...e)=>{let t=a.length===1?a[0]:e.reduce((s,n,i)=>s+(r=>{if(r._$cssResult$===!0)return r.cssText;if(typeof r=="number")return r;throw Error("Value passed to 'css' function must be a 'css' function result: "+r+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+a[i+1],a[0]);return new U(t,a,ie)},Ce=(a,e)=>{if(J)a.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),n=Q.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=t.cssText,a.appendChild(s)}},oe=J?a=>a:a=>a instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Te(t)})(a):a;var{is:et,defineProperty:tt,getOwnPropertyDescriptor:st,getOwnPropertyNames:nt,getOwnPropertySymbols:at,getPrototypeOf:it}=Object,Y=globalThis,Re=Y.trustedTypes,rt=Re?Re.emptyScript:"",ot=Y.reactiveElementPolyfillSupport,j=(a,e)=>a,ce={toAttribute(a,e){switch(e){case Boolean:a=a?rt:null;break;case Object:case Array:a=a==null?a:JSON.stringify(a)}return a},fromAttribute(a,e){let t=a;switch(e){case Boolean:t=a!==null;break;case Number:t=a===null?null:Number(a);break;case Object:case Array:try{t=JSON.parse(a)}catch{t=null}}return t}},Me=(a,e)=>!et(a,e),ze={attribute:!0,type:String,converter:ce,reflect:!1,useDefault:!1,hasChanged:Me};Symbol.metadata??=Symbol("metadata"),Y.litPropertyMetadata??=new WeakMap;var E=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=ze){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(e,s,t);n!==void 0&&tt(this.prototype,e,n)}}static getPropertyDescriptor(e,t,s){let{get:n,set:i}=st(this.prototype,e)??{get(){return this[t]},set(r){this[t]=r}};return{get:n,set(r){let o=n?.call(this);i?.call(this,r),this.requestUpdate(e,o,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??ze}static _$Ei(){if(this.hasOwnProperty(j("elementProperties")))return;let e=it(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(j("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(j("properties"))){let t=this.properties,s=[...nt(t),...at(t)];for(let n of s)this.createProperty(n,t[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,n]of t)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let n=this._$Eu(t,s);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let n of s)t.unshift(oe(n))}else e!==void 0&&t.push(oe(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ce(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,s);if(n!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:ce).toAttribute(t,s.type);this._$Em=e,i==null?this.removeAttribute(n):this.setAttribute(n,i),this._$Em=null}}_$AK(e,t){let s=this.constructor,n=s._$Eh.get(e);if(n!==void 0&&this._$Em!==n){let i=s.getPropertyOptions(n),r=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:ce;this._$Em=n;let o=r.fromAttribute(t,i.type);this[n]=o??this._$Ej?.get(n)??o,this._$Em=null}}requestUpdate(e,t,s,n=!1,i){if(e!==void 0){let r=this.constructor;if(n===!1&&(i=this[e]),s??=r.getPropertyOptions(e),!((s.hasChanged??Me)(i,t)||s.useDefault&&s.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(r._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:n,wrapped:i},r){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,r??t??this[e]),i!==!0||r!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,i]of this._$Ep)this[n]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,i]of s){let{wrapped:r}=i,o=this[n];r!==!0||this._$AL.has(n)||o===void 0||this.C(n,void 0,i,o)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};E.elementStyles=[],E.shadowRootOptions={mode:"open"},E[j("elementProperties")]=new Map,E[j("finalized")]=new Map,ot?.({ReactiveElement:E}),(Y.reactiveElementVersions??=[]).push("2.1.2");var me=globalThis,Pe=a=>a,X=me.trustedTypes,He=X?X.createPolicy("lit-html",{createHTML:a=>a}):void 0,Ie="$lit$",T=`lit$${Math.random().toFixed(9).slice(2)}$`,Le="?"+T,ct=`<${Le}>`,z=document,N=()=>z.createComment(""),I=a=>a===null||typeof a!="object"&&typeof a!="function",fe=Array.isArray,lt=a=>fe(a)||typeof a?.[Symbol.iterator]=="function",le=`[ 	
\f\r]`,O=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,De=/-->/g,Ue=/>/g,C=RegExp(`>|${le}(?:([^\\s"'>=/]+)(${le}*=${le}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),je=/'/g,Oe=/"/g,Be=/^(?:script|style|textarea|title)$/i,_e=a=>(e,...t)=>({_$litType$:a,strings:e,values:t}),p=_e(1),y=_e(2),Nt=_e(3),M=Symbol.for("lit-noChange"),l=Symbol.for("lit-nothing"),Ne=new WeakMap,R=z.createTreeWalker(z,129);function Ve(a,e){if(!fe(a)||!a.hasOwnProperty("raw"))throw Error("invalid template strings array");return He!==void 0?He.createHTML(e):e}var dt=(a,e)=>{let t=a.length-1,s=[],n,i=e===2?"<svg>":e===3?"<math>":"",r=O;for(let o=0;o<t;o++){let c=a[o],u,d,h=-1,m=0;for(;m<c.length&&(r.lastIndex=m,d=r.exec(c),d!==null);)m=r.lastIndex,r===O?d[1]==="!--"?r=De:d[1]!==void 0?r=Ue:d[2]!==void 0?(Be.test(d[2])&&(n=RegExp("</"+d[2],"g")),r=C):d[3]!==void 0&&(r=C):r===C?d[0]===">"?(r=n??O,h=-1):d[1]===void 0?h=-2:(h=r.lastIndex-d[2].length,u=d[1],r=d[3]===void 0?C:d[3]==='"'?Oe:je):r===Oe||r===je?r=C:r===De||r===Ue?r=O:(r=C,n=void 0);let _=r===C&&a[o+1].startsWith("/>")?" ":"";i+=r===O?c+ct:h>=0?(s.push(u),c.slice(0,h)+Ie+c.slice(h)+T+_):c+T+(h===-2?o:_)}return[Ve(a,i+(a[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},L=class a{constructor({strings:e,_$litType$:t},s){let n;this.parts=[];let i=0,r=0,o=e.length-1,c=this.parts,[u,d]=dt(e,t);if(this.el=a.createElement(u,s),R.currentNode=this.el.content,t===2||t===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(n=R.nextNode())!==null&&c.length<o;){if(n.nodeType===1){if(n.hasAttributes())for(let h of n.getAttributeNames())if(h.endsWith(Ie)){let m=d[r++],_=n.getAttribute(h).split(T),w=/([.?@])?(.*)/.exec(m);c.push({type:1,index:i,name:w[2],strings:_,ctor:w[1]==="."?ue:w[1]==="?"?he:w[1]==="@"?pe:H}),n.removeAttribute(h)}else h.startsWith(T)&&(c.push({type:6,index:i}),n.removeAttribute(h));if(Be.test(n.tagName)){let h=n.textContent.split(T),m=h.length-1;if(m>0){n.textContent=X?X.emptyScript:"";for(let _=0;_<m;_++)n.append(h[_],N()),R.nextNode(),c.push({type:2,index:++i});n.append(h[m],N())}}}else if(n.nodeType===8)if(n.data===Le)c.push({type:2,index:i});else{let h=-1;for(;(h=n.data.indexOf(T,h+1))!==-1;)c.push({type:7,index:i}),h+=T.length-1}i++}}static createElement(e,t){let s=z.createElement("template");return s.innerHTML=e,s}};function P(a,e,t=a,s){if(e===M)return e;let n=s!==void 0?t._$Co?.[s]:t._$Cl,i=I(e)?void 0:e._$litDirective$;return n?.constructor!==i&&(n?._$AO?.(!1),i===void 0?n=void 0:(n=new i(a),n._$AT(a,t,s)),s!==void 0?(t._$Co??=[])[s]=n:t._$Cl=n),n!==void 0&&(e=P(a,n._$AS(a,e.values),n,s)),e}var de=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,n=(e?.creationScope??z).importNode(t,!0);R.currentNode=n;let i=R.nextNode(),r=0,o=0,c=s[0];for(;c!==void 0;){if(r===c.index){let u;c.type===2?u=new B(i,i.nextSibling,this,e):c.type===1?u=new c.ctor(i,c.name,c.strings,this,e):c.type===6&&(u=new ge(i,this,e)),this._$AV.push(u),c=s[++o]}r!==c?.index&&(i=R.nextNode(),r++)}return R.currentNode=z,n}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},B=class a{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,n){this.type=2,this._$AH=l,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=P(this,e,t),I(e)?e===l||e==null||e===""?(this._$AH!==l&&this._$AR(),this._$AH=l):e!==this._$AH&&e!==M&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):lt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==l&&I(this._$AH)?this._$AA.nextSibling.data=e:this.T(z.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,n=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=L.createElement(Ve(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(t);else{let i=new de(n,this),r=i.u(this.options);i.p(t),this.T(r),this._$AH=i}}_$AC(e){let t=Ne.get(e.strings);return t===void 0&&Ne.set(e.strings,t=new L(e)),t}k(e){fe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,n=0;for(let i of e)n===t.length?t.push(s=new a(this.O(N()),this.O(N()),this,this.options)):s=t[n],s._$AI(i),n++;n<t.length&&(this._$AR(s&&s._$AB.nextSibling,n),t.length=n)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Pe(e).nextSibling;Pe(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},H=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,n,i){this.type=1,this._$AH=l,this._$AN=void 0,this.element=e,this.name=t,this._$AM=n,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=l}_$AI(e,t=this,s,n){let i=this.strings,r=!1;if(i===void 0)e=P(this,e,t,0),r=!I(e)||e!==this._$AH&&e!==M,r&&(this._$AH=e);else{let o=e,c,u;for(e=i[0],c=0;c<i.length-1;c++)u=P(this,o[s+c],t,c),u===M&&(u=this._$AH[c]),r||=!I(u)||u!==this._$AH[c],u===l?e=l:e!==l&&(e+=(u??"")+i[c+1]),this._$AH[c]=u}r&&!n&&this.j(e)}j(e){e===l?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ue=class extends H{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===l?void 0:e}},he=class extends H{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==l)}},pe=class extends H{constructor(e,t,s,n,i){super(e,t,s,n,i),this.type=5}_$AI(e,t=this){if((e=P(this,e,t,0)??l)===M)return;let s=this._$AH,n=e===l&&s!==l||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,i=e!==l&&(s===l||n);n&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ge=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){P(this,e)}};var ut=me.litHtmlPolyfillSupport;ut?.(L,B),(me.litHtmlVersions??=[]).push("3.3.3");var qe=(a,e,t)=>{let s=t?.renderBefore??e,n=s._$litPart$;if(n===void 0){let i=t?.renderBefore??null;s._$litPart$=n=new B(e.insertBefore(N(),i),i,void 0,t??{})}return n._$AI(a),n};var ye=globalThis,A=class extends E{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=qe(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return M}};A._$litElement$=!0,A.finalized=!0,ye.litElementHydrateSupport?.({LitElement:A});var ht=ye.litElementPolyfillSupport;ht?.({LitElement:A});(ye.litElementVersions??=[]).push("4.2.2");var pt=/^[A-Za-z0-9_][A-Za-z0-9_ .:/+-]*$/,gt=/^(true|false|yes|no|on|off|null|~|[0-9.:+-]+)$/i;function $e(a){if(a==null)return"null";if(typeof a=="number"||typeof a=="boolean")return String(a);let e=String(a);return pt.test(e)&&!gt.test(e)&&!e.endsWith(" ")&&!e.includes(": ")?e:JSON.stringify(e)}function be(a,e){return Array.isArray(a)?a.length?a.flatMap(t=>{let s=be(t,e+"  ");return t!==null&&typeof t=="object"&&s.length?[`${e}- ${s[0].trimStart()}`,...s.slice(1)]:[`${e}- ${$e(t)}`]}):[]:a!==null&&typeof a=="object"?Object.entries(a).flatMap(([t,s])=>(Array.isArray(s)?!s.length:s!==null&&typeof s=="object"&&!Object.keys(s).length)?[`${e}${t}: ${Array.isArray(s)?"[]":"{}"}`]:s!==null&&typeof s=="object"?[`${e}${t}:`,...be(s,e+"  ")]:[`${e}${t}: ${$e(s)}`]):[`${e}${$e(a)}`]}function We(a){let{alias:e,description:t,...s}=a;return be(s,"").join(`
`)}var ve={card_name:"AI Automation",card_description:"Automation suggestions with the evidence behind them: accept, dismiss, run the analysis.",broker:"MQTT broker",bridge:"Zigbee2MQTT",connected:"connected",disconnected:"disconnected",online:"online",offline:"offline",not_seen:"not seen yet",unknown:"unknown",last_analysis:"Last analysis",never:"never",status_success:"success",status_no_data:"no history",status_failed:"failed",status_running:"running",changes_read:"{n} changes read",new_suggestions:"{n} new",run_analysis:"Run analysis",running:"Analysing…",no_run:"No analysis has run yet. Run one now, or wait for the daily run.",short_history:"History since {days} days; habits need at least {min} days. The daily analysis keeps looking.",nothing_found:"No open suggestions. The last analysis read {events} changes and found nothing new.",failed:"The last analysis failed: {error}",not_loaded:"AI Automation is not set up or not running.",load_error:"Could not load the suggestions: {error}",kind_habit:"Habit",kind_sequence:"Sequence",kind_unused_capability:"Unused capability",kind_sun:"Sun",kind_presence:"Presence",kind_group:"Group",kind_override:"Undone automation",sunset:"sunset",sunrise:"sunrise",at_event:"at {event}",after_event:"{min} min after {event}",before_event:"{min} min before {event}",sun_spread:"{relative} (±{spread} min; ±{clock} min by the clock)",backtest_days:"right on {right} of the last {total} days, wrong on {wrong}",backtest_days_near:"right on {right} of the last {total} days, near on {near}, wrong on {wrong}",backtest_times:"right {right} of the last {total} times, wrong {wrong}",right:"right",near:"near",wrong:"wrong",together:"done together {n} times ({share} %)",started_habit:"starts at the usual time",started_sun:"starts with the sun",started_sequence:"starts with the trigger",started_first:"starts when the first one changes",override_picture:"undone on {undone} of the {acted} days it acted",undone:"undone",kept:"kept",someone_home:"only while someone is home",first_arrives:"the first person arrives",last_leaves:"the last person leaves",arrives:"{name} arrives",leaves:"{name} leaves",show_automation:"The automation it creates",no_automation:"A hint: there is no automation to create.",accept:"Accept",dismiss:"Dismiss",snooze:"Snooze",created:"Automation created: {title}",open_editor:"Open in the automation editor",action_failed:"That did not work: {error}",habit_picture:"Times over {days} days, one row per day; suggested {from}–{to}",suggested_time:"suggested time",other_days:"other days",delay_picture:"Delays between trigger and action, {n} times; window {window} s",seconds_after:"seconds after the trigger",typical:"typically {s} s",capability_picture:"{device}: {capability}, unchanged in use",range:"range",values:"values",unchanged:"never changed while in use",always:"always {value}",kinds:"Kinds of suggestions (none: all)",areas:"Areas (none: all)",max_suggestions:"How many suggestions",show_header:"Show the status header",more:"{n} more open"},mt={card_name:"AI Automation",card_description:"Automatisierungsvorschläge mit ihren Belegen: annehmen, verwerfen, Analyse starten.",broker:"MQTT-Broker",bridge:"Zigbee2MQTT",connected:"verbunden",disconnected:"getrennt",online:"online",offline:"offline",not_seen:"noch nicht gesehen",unknown:"unbekannt",last_analysis:"Letzte Analyse",never:"noch nie",status_success:"erfolgreich",status_no_data:"kein Verlauf",status_failed:"fehlgeschlagen",status_running:"läuft",changes_read:"{n} Änderungen gelesen",new_suggestions:"{n} neu",run_analysis:"Analyse starten",running:"Analysiere …",no_run:"Es lief noch keine Analyse. Starte jetzt eine oder warte auf die tägliche.",short_history:"Verlauf seit {days} Tagen; Gewohnheiten brauchen mindestens {min} Tage. Die tägliche Analyse sucht weiter.",nothing_found:"Keine offenen Vorschläge. Die letzte Analyse hat {events} Änderungen gelesen und nichts Neues gefunden.",failed:"Die letzte Analyse ist fehlgeschlagen: {error}",not_loaded:"AI Automation ist nicht eingerichtet oder läuft nicht.",load_error:"Die Vorschläge konnten nicht geladen werden: {error}",kind_habit:"Gewohnheit",kind_sequence:"Abfolge",kind_unused_capability:"Ungenutzte Funktion",kind_sun:"Sonne",kind_presence:"Anwesenheit",kind_group:"Gruppe",kind_override:"Rückgängig gemachte Automatisierung",sunset:"Sonnenuntergang",sunrise:"Sonnenaufgang",at_event:"bei {event}",after_event:"{min} min nach {event}",before_event:"{min} min vor {event}",sun_spread:"{relative} (±{spread} min; ±{clock} min nach der Uhr)",backtest_days:"an {right} der letzten {total} Tage richtig, an {wrong} falsch",backtest_days_near:"an {right} der letzten {total} Tage richtig, an {near} knapp, an {wrong} falsch",backtest_times:"{right} der letzten {total} Male richtig, {wrong} falsch",right:"richtig",near:"knapp",wrong:"falsch",together:"{n}-mal zusammen ({share} %)",started_habit:"beginnt zur üblichen Zeit",started_sun:"beginnt mit der Sonne",started_sequence:"beginnt mit dem Auslöser",started_first:"beginnt, wenn sich das Erste ändert",override_picture:"an {undone} der {acted} Tage rückgängig gemacht, an denen sie lief",undone:"rückgängig",kept:"behalten",someone_home:"nur wenn jemand zu Hause ist",first_arrives:"die erste Person kommt nach Hause",last_leaves:"die letzte Person geht",arrives:"{name} kommt nach Hause",leaves:"{name} geht",show_automation:"Die Automatisierung, die entsteht",no_automation:"Ein Hinweis: Es gibt keine Automatisierung zu erstellen.",accept:"Annehmen",dismiss:"Verwerfen",snooze:"Später",created:"Automatisierung erstellt: {title}",open_editor:"Im Automatisierungseditor öffnen",action_failed:"Das hat nicht geklappt: {error}",habit_picture:"Zeiten über {days} Tage, eine Zeile pro Tag; vorgeschlagen {from}–{to}",suggested_time:"vorgeschlagene Zeit",other_days:"andere Tage",delay_picture:"Verzögerung zwischen Auslöser und Aktion, {n}-mal; Fenster {window} s",seconds_after:"Sekunden nach dem Auslöser",typical:"meist {s} s",capability_picture:"{device}: {capability}, im Betrieb unverändert",range:"Bereich",values:"Werte",unchanged:"im Betrieb nie verändert",always:"immer {value}",kinds:"Arten von Vorschlägen (keine: alle)",areas:"Bereiche (keine: alle)",max_suggestions:"Wie viele Vorschläge",show_header:"Statuszeile anzeigen",more:"{n} weitere offen"},ft={card_name:"AI Automation",card_description:"Automatiseringsvoorstellen met het bewijs erachter: accepteren, afwijzen, analyse starten.",broker:"MQTT-broker",bridge:"Zigbee2MQTT",connected:"verbonden",disconnected:"niet verbonden",online:"online",offline:"offline",not_seen:"nog niet gezien",unknown:"onbekend",last_analysis:"Laatste analyse",never:"nog nooit",status_success:"gelukt",status_no_data:"geen geschiedenis",status_failed:"mislukt",status_running:"bezig",changes_read:"{n} wijzigingen gelezen",new_suggestions:"{n} nieuw",run_analysis:"Analyse starten",running:"Bezig met analyseren…",no_run:"Er is nog geen analyse gedaan. Start er nu een, of wacht op de dagelijkse.",short_history:"Geschiedenis sinds {days} dagen; gewoontes hebben minstens {min} dagen nodig. De dagelijkse analyse blijft zoeken.",nothing_found:"Geen open voorstellen. De laatste analyse las {events} wijzigingen en vond niets nieuws.",failed:"De laatste analyse is mislukt: {error}",not_loaded:"AI Automation is niet ingesteld of draait niet.",load_error:"De voorstellen konden niet worden geladen: {error}",kind_habit:"Gewoonte",kind_sequence:"Volgorde",kind_unused_capability:"Ongebruikte functie",kind_sun:"Zon",kind_presence:"Aanwezigheid",kind_group:"Groep",kind_override:"Teruggedraaide automatisering",sunset:"zonsondergang",sunrise:"zonsopkomst",at_event:"bij {event}",after_event:"{min} min na {event}",before_event:"{min} min voor {event}",sun_spread:"{relative} (±{spread} min; ±{clock} min op de klok)",backtest_days:"goed op {right} van de laatste {total} dagen, fout op {wrong}",backtest_days_near:"goed op {right} van de laatste {total} dagen, bijna op {near}, fout op {wrong}",backtest_times:"{right} van de laatste {total} keer goed, {wrong} fout",right:"goed",near:"bijna",wrong:"fout",together:"{n} keer samen ({share} %)",started_habit:"begint op de gewone tijd",started_sun:"begint met de zon",started_sequence:"begint met de trigger",started_first:"begint als de eerste verandert",override_picture:"teruggedraaid op {undone} van de {acted} dagen dat ze iets deed",undone:"teruggedraaid",kept:"behouden",someone_home:"alleen als er iemand thuis is",first_arrives:"de eerste persoon komt thuis",last_leaves:"de laatste persoon vertrekt",arrives:"{name} komt thuis",leaves:"{name} vertrekt",show_automation:"De automatisering die ontstaat",no_automation:"Een tip: er is geen automatisering om te maken.",accept:"Accepteren",dismiss:"Afwijzen",snooze:"Later",created:"Automatisering gemaakt: {title}",open_editor:"Openen in de automatiseringseditor",action_failed:"Dat lukte niet: {error}",habit_picture:"Tijden over {days} dagen, één rij per dag; voorgesteld {from}–{to}",suggested_time:"voorgestelde tijd",other_days:"andere dagen",delay_picture:"Vertraging tussen trigger en actie, {n} keer; venster {window} s",seconds_after:"seconden na de trigger",typical:"meestal {s} s",capability_picture:"{device}: {capability}, ongewijzigd in gebruik",range:"bereik",values:"waarden",unchanged:"tijdens gebruik nooit gewijzigd",always:"altijd {value}",kinds:"Soorten voorstellen (geen: alle)",areas:"Ruimtes (geen: alle)",max_suggestions:"Hoeveel voorstellen",show_header:"Statusregel tonen",more:"nog {n} open"},_t={en:ve,de:mt,nl:ft};function V(a){let e=_t[(a??"en").split("-")[0]]??ve;return(t,s={})=>(e[t]??ve[t]??t).replace(/\{(\w+)\}/g,(n,i)=>i in s?String(s[i]):n)}function Ke(){return typeof navigator<"u"?navigator.language:"en"}var yt=["habit","sequence","sun","group","unused_capability","override"];async function $t(){if(customElements.get("ha-form"))return;await(await window.loadCardHelpers?.())?.createCardElement({type:"entities",entities:[]})?.constructor?.getConfigElement?.()}var q=class extends A{setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),$t().then(()=>this.requestUpdate())}render(){if(!this.hass||!this._config)return l;let e=V(this.hass.locale?.language??this.hass.language),t=[{name:"kinds",selector:{select:{multiple:!0,mode:"list",options:yt.map(n=>({value:n,label:e(`kind_${n}`)}))}}},{name:"areas",selector:{area:{multiple:!0}}},{name:"max_suggestions",selector:{number:{min:1,max:50,mode:"box"}}},{name:"show_header",selector:{boolean:{}}}],s={show_header:!0,max_suggestions:5,...this._config};return p`<ha-form
      .hass=${this.hass}
      .data=${s}
      .schema=${t}
      .computeLabel=${n=>e(n.name)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation();let t={...this._config,...e.detail.value};for(let s of["kinds","areas"])t[s]?.length||delete t[s];this._config=t,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:t},bubbles:!0,composed:!0}))}};q.properties={hass:{attribute:!1},_config:{state:!0}};var v=320,ee=44,we=8,te={all:[0,1,2,3,4,5,6],weekdays:[1,2,3,4,5],weekends:[0,6]},bt={sun:0,mon:1,tue:2,wed:3,thu:4,fri:5,sat:6};function vt(a){if(a===void 0)return te.all;if(te[a])return te[a];let e=a.split(",").map(t=>bt[t.trim()]).filter(t=>t!==void 0);return e.length?e:te.all}function se(a){let e=(Math.round(a)%1440+1440)%1440;return`${String(Math.floor(e/60)).padStart(2,"0")}:${String(e%60).padStart(2,"0")}`}function Ge(a){let[e,t]=a;return e<=t?[[e,t]]:[[e,1440],[0,t]]}function Fe(a){return a[0]+((a[1]-a[0])%1440+1440)%1440/2}function wt(a,e,t,s){let n=Math.max(a.days,1),i=n<=21?11:Math.max(3,230/n),r=4,o=n*i,c=r+o+15,u=v-ee-we,d=g=>ee+g/1440*u,h=g=>r+g*i+i/2,m=vt(e.days),_=new Date(`${a.first_day}T12:00:00`),w=new Intl.DateTimeFormat(s,{weekday:"short"}),$=Array.from({length:n},(g,b)=>{let k=new Date(_.getTime()+b*864e5);return{day:b,date:k,counted:m.includes(k.getDay())}}),f=i>=10?1:7,x=Math.min(3,i/2-.3),S=a.band,Se=S?t("habit_picture",{days:n,from:se(S[0]),to:se(S[1])}):t("habit_picture",{days:n,from:e.median_time??"",to:e.median_time??""}),ne=[],K=[],G=Ct(e,t),F=e.offset_minutes;if(a.bands)a.bands.forEach((g,b)=>{if(!g||b>=n)return;let k=r+b*i;for(let[ae,Z]of Ge(g))ne.push(y`<rect class="band" x=${d(ae)} y=${k} width=${Math.max(d(Z)-d(ae),1.5)} height=${i}></rect>`);if(G&&typeof F=="number"){let Z=((Fe(g)-F)%1440+1440)%1440;K.push(y`<line class="sun" x1=${d(Z)} x2=${d(Z)} y1=${k} y2=${k+i}></line>`)}});else if(S){for(let[g,b]of Ge(S))ne.push(y`<rect class="band" x=${d(g)} y=${r} width=${Math.max(d(b)-d(g),1.5)} height=${o}></rect>`);if(G&&typeof F=="number"){let g=((Fe(S)-F)%1440+1440)%1440;K.push(y`<line class="sun" x1=${d(g)} x2=${d(g)} y1=${r} y2=${r+o}></line>`)}}return p`
    <figure class="picture">
      <svg viewBox="0 0 ${v} ${c}" role="img" aria-label=${Se}>
        <title>${Se}</title>
        ${$.map(({day:g,counted:b})=>y`<rect class=${b?"row":"row other"} x=${ee} y=${r+g*i} width=${u} height=${i}></rect>`)}
        ${ne}
        ${[0,6,12,18,24].map(g=>y`
            <line class="grid" x1=${d(g*60)} x2=${d(g*60)} y1=${r} y2=${r+o}></line>
            <text class="axis" x=${d(g*60)} y=${c-3} text-anchor=${g===24?"end":"middle"}>${String(g).padStart(2,"0")}</text>`)}
        ${$.map(({day:g,date:b,counted:k})=>g%f===0||g===n-1?y`<text class=${k?"day":"day other"} x=${ee-4} y=${h(g)+2.5} text-anchor="end">${w.format(b)} ${b.getDate()}</text>`:l)}
        ${K}
        ${a.times.map(([g,b])=>{let k=$[g]?.counted??!0;return y`<circle class=${k?"dot":"dot other"} cx=${d(b)} cy=${h(g)} r=${x}></circle>`})}
      </svg>
      <figcaption>
        ${S?p`<span class="key"><span class="swatch band"></span>${t("suggested_time")}
              ${se(S[0])}–${se(S[1])}</span>`:l}
        ${m.length<7?p`<span class="key"><span class="swatch other"></span>${t("other_days")}</span>`:l}
        ${G?p`<span class="key sun-text">${K.length?p`<span class="swatch sun"></span>`:l}${G}</span>`:l}
      </figcaption>
    </figure>
  `}function xt(a,e,t){let r=v-24-we,o=72,c=a.counts.reduce(($,f)=>$+f,0),u=Math.max(...a.counts,1),d=a.bin_seconds*a.counts.length||1,h=$=>24+Math.min($,d)/d*r,m=r/Math.max(a.counts.length,1),_=t("delay_picture",{n:c,window:Math.round(a.window_seconds)}),w=[0,d/2,d];return p`
    <figure class="picture">
      <svg viewBox="0 0 ${v} ${96}" role="img" aria-label=${_}>
        <title>${_}</title>
        <rect class="window" x=${24} y="6" width=${h(a.window_seconds)-24} height=${o}></rect>
        ${a.counts.map(($,f)=>{let x=$/u*(o-4);return y`<rect class="bar" x=${24+f*m+1} y=${6+o-x} width=${Math.max(m-2,1)} height=${x}><title>${f*a.bin_seconds}–${(f+1)*a.bin_seconds} s: ${$}</title></rect>`})}
        <line class="grid" x1=${24} x2=${v-we} y1=${6+o} y2=${6+o}></line>
        ${e!==void 0?y`<line class="median" x1=${h(e)} x2=${h(e)} y1="6" y2=${6+o}></line>`:l}
        ${w.map(($,f)=>y`<text class="axis" x=${h($)} y=${91} text-anchor=${["start","middle","end"][f]}>${Math.round($)} s</text>`)}
        <text class="axis" x=${20} y="12" text-anchor="end">${u}</text>
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar"></span>${t("seconds_after")}</span>
        ${e!==void 0?p`<span class="key"><span class="swatch median"></span>${t("typical",{s:Math.round(e)})}</span>`:l}
        <span class="key"><span class="swatch window"></span>${_.split(";")[1]?.trim()??""}</span>
      </figcaption>
    </figure>
  `}function kt(a){let e=a.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}function At(a,e){let t=a.label||kt(a.property),s=a.unit??"",{min:n,max:i,value:r}=a,o=typeof n=="number"&&typeof i=="number"&&i>n,c=o&&typeof r=="number"&&r>=n&&r<=i,u=r==null||typeof r=="object"?"":e("always",{value:typeof r=="number"&&s?`${r} ${s}`:r}),d=e("capability_picture",{device:a.device,capability:t}),h=c?8+(r-n)/(i-n)*(v-16):0;return p`
    <figure class="picture capability" role="img" aria-label=${d}>
      <div class="device">
        <svg viewBox="0 0 24 24" class="chip-icon" aria-hidden="true">
          <path d="M12,2A7,7 0 0,0 5,9C5,11.38 6.19,13.47 8,14.74V17A1,1 0 0,0 9,18H15A1,1 0 0,0 16,17V14.74C17.81,13.47 19,11.38 19,9A7,7 0 0,0 12,2M9,21A1,1 0 0,0 10,22H14A1,1 0 0,0 15,21V20H9V21Z"></path>
        </svg>
        <span class="device-name">${a.device}</span>
        <span class="capability-name">${t}</span>
      </div>
      ${o?p`<svg viewBox="0 0 ${v} 34" aria-hidden="true">
            <rect class="range" x="8" y="8" width=${v-16} height="8" rx="4"></rect>
            ${c?y`<circle class="usual" cx=${h} cy="12" r="6"></circle>`:l}
            <text class="axis" x="8" y="30">${n} ${s}</text>
            <text class="axis" x=${v-8} y="30" text-anchor="end">${i} ${s}</text>
          </svg>`:l}
      ${a.values?.length?p`<div class="values">
            ${a.values.map(m=>p`<span class=${m===r?"value usual":"value"}>${m}</span>`)}
          </div>`:l}
      <figcaption>
        <span class="key"><span class="swatch unused"></span>${e("unchanged")}</span>
        ${u?p`<span class="key seen"><span class="swatch usual"></span>${u}</span>`:l}
      </figcaption>
    </figure>
  `}var St=["right","near","wrong"];function Ze(a){return St.includes(a)?a:"wrong"}function Et(a,e){if(a.backtest_days?.length){let s=new Intl.DateTimeFormat(e,{weekday:"short",day:"numeric",month:"short"});return{unit:"days",cells:a.backtest_days.map(n=>{let i=new Date(`${n.date}T12:00:00`);return{result:Ze(n.result),label:s.format(i),day:i}})}}let t=new Intl.DateTimeFormat(e,{weekday:"short",hour:"2-digit",minute:"2-digit"});return{unit:"times",cells:(a.backtest_triggers??[]).map(s=>({result:Ze(s.result),label:t.format(new Date(s.at*1e3))}))}}function Tt(a,e,t){let{cells:s,unit:n}=Et(a,t);if(!s.length)return l;let i=f=>s.filter(x=>x.result===f).length,r=a.backtest_right??i("right"),o=a.backtest_near??i("near"),c=a.backtest_wrong??i("wrong"),d=e(n==="days"?o?"backtest_days_near":"backtest_days":"backtest_times",{right:r,near:o,wrong:c,total:s.length}),h=s.length<=40?2:0,m=Math.max(Math.min(14,(v-8)/s.length-h),.5),_=n==="days"&&s.length<=14,w=m+4+(_?12:0),$=new Intl.DateTimeFormat(t,{weekday:"narrow"});return p`
    <figure class="picture backtest">
      <svg viewBox="0 0 ${v} ${w}" role="img" aria-label=${d}>
        <title>${d}</title>
        ${s.map((f,x)=>y`<rect class="cell ${f.result}" x=${4+x*(m+h)} y="2" width=${m} height=${m} rx=${h?2:0}><title>${f.label}: ${e(f.result)}</title></rect>`)}
        ${_?s.map((f,x)=>f.day?y`<text class="axis" x=${4+x*(m+h)+m/2} y=${w-1} text-anchor="middle">${$.format(f.day)}</text>`:l):l}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch right"></span>${e("right")}</span>
        ${o?p`<span class="key"><span class="swatch near"></span>${e("near")}</span>`:l}
        <span class="key"><span class="swatch wrong"></span>${e("wrong")}</span>
        <span class="key backtest-text">${d}</span>
      </figcaption>
    </figure>
  `}function Ct(a,e){let{event:t,offset_minutes:s}=a;if(typeof t!="string"||typeof s!="number")return;let n=t==="sunset"||t==="sunrise"?e(t):t,i=Math.round(s),r=i===0?e("at_event",{event:n}):e(i>0?"after_event":"before_event",{min:Math.abs(i),event:n}),o=a.spread_minutes,c=a.clock_spread_minutes;return typeof o!="number"||typeof c!="number"?r:e("sun_spread",{relative:r,spread:Math.round(o),clock:Math.round(c)})}function Rt(a,e){let t=a.members??[];if(!t.length)return l;let{t:s}=e,n=`started_${a.started_by??""}`,i=a.started_by&&s(n)!==n?s(n):"";return p`
    <figure class="picture group">
      <ul class="members">
        ${t.map(r=>p`<li class="member" data-entity=${r.entity_id}>
            <span class="member-name">${e.name(r.entity_id)}</span>
            <span class="member-state">${e.state(r.entity_id,r.state)}</span>
          </li>`)}
      </ul>
      <figcaption>
        ${typeof a.together=="number"?p`<span class="key">${s("together",{n:a.together,share:Math.round((a.share??0)*100)})}</span>`:l}
        ${i?p`<span class="key">${i}</span>`:l}
      </figcaption>
    </figure>
  `}function zt(a,e){let t=a.acted_days,s=a.undone_days;if(typeof t!="number"||typeof s!="number"||t<1)return l;let n=e("override_picture",{undone:s,acted:t}),i=Math.max(Math.min(14,(v-8)/t-2),1);return p`
    <figure class="picture override">
      <svg viewBox="0 0 ${v} ${i+4}" role="img" aria-label=${n}>
        <title>${n}</title>
        ${Array.from({length:t},(r,o)=>y`<rect class=${o<s?"cell undone":"cell kept"} x=${4+o*(i+2)} y="2" width=${i} height=${i} rx="2"></rect>`)}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch undone"></span>${e("undone")}</span>
        <span class="key"><span class="swatch kept"></span>${e("kept")}</span>
        <span class="key override-text">${n}</span>
        ${a.suggestion_id?p`<a class="key" href="/config/automation/edit/ai_automation_${a.suggestion_id}">${e("open_editor")}</a>`:l}
      </figcaption>
    </figure>
  `}function Qe(a,e){let{t}=e,s=a.automation??{},n=[],i=Array.isArray(s.triggers)?s.triggers:[];for(let o of i){let c=o.entity_id,u=String(o.to??"");if(typeof c!="string")continue;let d=c.split(".",1)[0];c==="zone.home"&&u==="0"?n.push(t("last_leaves")):c==="zone.home"&&u==="1"?n.push(t("first_arrives")):(d==="person"||d==="device_tracker")&&(u==="home"||u==="not_home")&&n.push(t(u==="home"?"arrives":"leaves",{name:e.name(c)}))}return((Array.isArray(s.conditions)?s.conditions:[]).some(o=>o.entity_id==="zone.home")||a.evidence?.away_days)&&n.push(t("someone_home")),n}function Mt(a){let e=a.day_times;if(!e?.length)return;let t=r=>Math.round(Date.parse(`${r}T00:00:00Z`)/864e5),s=[...e.map(r=>r.date),...(a.backtest_days??[]).map(r=>r.date)],n=Math.min(...s.map(t)),i=Math.max(...s.map(t));return{first_day:new Date(n*864e5).toISOString().slice(0,10),days:i-n+1,times:e.map(r=>[t(r.date)-n,r.minute])}}function Je(a,e){let{t,language:s}=e,n=a.series??Mt(a);return[Rt(a,e),n?wt(n,a,t,s):l,a.delays?xt(a.delays,a.median_delay_seconds,t):l,a.capability?At(a.capability,t):l,Tt(a,t,s),zt(a,t)]}var Ye=re`
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
  .swatch.right,
  .swatch.kept {
    background: var(--aa-ok);
  }
  .swatch.near {
    background: var(--aa-warn);
  }
  .swatch.wrong,
  .swatch.undone {
    background: var(--aa-bad);
  }
  .swatch.sun {
    width: 2px;
    background: var(--aa-warn);
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
  svg .cell.right,
  svg .cell.kept {
    fill: var(--aa-ok);
  }
  svg .cell.near {
    fill: var(--aa-warn);
  }
  svg .cell.wrong,
  svg .cell.undone {
    fill: var(--aa-bad);
  }
  svg .sun {
    stroke: var(--aa-warn);
    stroke-width: 1.5;
  }
  .badge {
    display: inline-block;
    font-size: 11px;
    padding: 1px 8px;
    margin: 0 0 2px 6px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    vertical-align: 1px;
  }
  ul.members {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
  }
  li.member {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 4px 2px 10px;
    border-radius: 14px;
    border: 1px solid var(--aa-divider);
    color: var(--primary-text-color);
  }
  .member-state {
    font-size: 12px;
    padding: 1px 8px;
    border-radius: 10px;
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  figcaption a {
    color: var(--aa-accent);
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
`;var D="ai_automation",xe="ai-automation-card",ke=5,Pt=["mqtt_broker","zigbee2mqtt_bridge","last_run","last_run_status","suggestions_open"];function Ae(a){return a&&typeof a=="object"&&"message"in a?String(a.message):String(a)}function Xe(a){let e=a.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}var W=class extends A{constructor(){super();this._entityIds={};this._watched="";this._request=0;this._total=0,this._running=!1,this._busy=new Set,this._created=[]}static getConfigElement(){return document.createElement("ai-automation-card-editor")}static getStubConfig(){return{show_header:!0,max_suggestions:ke}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.kinds!==void 0&&!Array.isArray(t.kinds))throw new Error("kinds must be a list");if(t.areas!==void 0&&!Array.isArray(t.areas))throw new Error("areas must be a list");let s=JSON.stringify(t)!==JSON.stringify(this._config);this._config=t,s&&this.hass&&this._refresh()}getCardSize(){let t=this._suggestions?.length??Math.min(this._config?.max_suggestions??ke,3);return(this._config?.show_header===!1?1:3)+5*Math.max(t,1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}get _t(){return V(this.hass?.locale?.language??this.hass?.language)}get _language(){return this.hass?.locale?.language??this.hass?.language??"en"}_entity(t){if(!this._entityIds[t]&&this.hass?.entities)for(let n of Object.values(this.hass.entities))n.platform===D&&n.translation_key&&(this._entityIds[n.translation_key]=n.entity_id);let s=this._entityIds[t];return s?this.hass?.states[s]:void 0}willUpdate(t){if(!t.has("hass")||!this.hass)return;let s=Pt.slice(2).map(n=>this._entity(n)?.state??"").join("|");(s!==this._watched||this._status===void 0)&&(this._watched=s,this._refresh())}get _context(){let t=this.hass;return{t:this._t,language:this._language,name:s=>{let n=t?.states[s]?.attributes.friendly_name;return typeof n=="string"&&n?n:Xe(s.split(".").slice(1).join("."))},state:(s,n)=>{let i=t?.states[s];return i&&t?.formatEntityState?t.formatEntityState(i,n):n}}}async _refresh(){if(!this.hass||!this._config)return;let t=++this._request,s={type:`${D}/suggestions`,status:"new",limit:this._config.max_suggestions??ke};this._config.kinds?.length&&(s.kinds=this._config.kinds),this._config.areas?.length&&(s.area_ids=this._config.areas);try{let[n,i]=await Promise.all([this.hass.callWS({type:`${D}/status`}),this.hass.callWS(s)]);if(t!==this._request)return;this._status=n,this._suggestions=i.suggestions,this._total=i.total,this._error=void 0}catch(n){if(t!==this._request)return;let i=n&&typeof n=="object"&&"code"in n?n.code:void 0;this._error=i==="not_loaded"?this._t("not_loaded"):this._t("load_error",{error:Ae(n)})}}async _runAnalysis(){if(this.hass){this._running=!0;try{await this.hass.callService(D,"run_analysis",{})}catch(t){this._error=this._t("action_failed",{error:Ae(t)})}finally{this._running=!1}await this._refresh()}}async _decide(t,s){if(this.hass){this._busy=new Set([...this._busy,t.id]);try{let n=await this.hass.callWS({type:`${D}/suggestions/handle`,suggestion_id:t.id,decision:s});s==="accept"&&(this._created=[...this._created,{id:t.id,title:n.title,automationId:n.automation_id??`${D}_${t.id}`}]),this._suggestions=this._suggestions?.filter(i=>i.id!==t.id),this._error=void 0}catch(n){this._error=this._t("action_failed",{error:Ae(n)})}finally{let n=new Set(this._busy);n.delete(t.id),this._busy=n}await this._refresh()}}render(){let t=this._t;return p`
      <ha-card>
        ${this._config?.show_header===!1?l:this._renderHeader(t)}
        ${this._error?p`<p class="error" role="alert">${this._error}</p>`:l}
        ${this._created.length?p`<ul class="suggestions created" aria-live="polite">
              ${this._created.map(s=>p`<li class="suggestion done" data-id=${s.id}>
                  <span>${t("created",{title:s.title})}</span> ·
                  <a href="/config/automation/edit/${s.automationId}">${t("open_editor")}</a>
                </li>`)}
            </ul>`:l}
        ${this._renderSuggestions(t)}
      </ha-card>
    `}_renderHeader(t){let s=this._entity("mqtt_broker")?.state,n=this._entity("zigbee2mqtt_bridge")?.state,i=t(s==="on"?"connected":s==="off"?"disconnected":"unknown"),r=t(n==="on"?"online":n==="off"?"offline":n==="unknown"?"not_seen":"unknown"),o=this._status?.last_run??{},c=this._running||this._status?.running||this._entity("last_run_status")?.state==="running",u=[];if(c)u.push(t("status_running"));else if(o.status){let d=`status_${o.status}`;u.push(t(d)===d?o.status:t(d)),o.success&&(u.push(t("changes_read",{n:o.events_analysed??0})),u.push(t("new_suggestions",{n:o.suggestions_generated??0})))}return p`
      <h2 class="card-title">${t("card_name")}</h2>
      <div class="header">
        <div class="health">
          <span class="pill broker"><span class="dot ${s==="on"?"ok":"bad"}"></span>${t("broker")}: ${i}</span>
          <span class="pill bridge"><span class="dot ${n==="on"?"ok":n==="off"?"bad":"warn"}"></span>${t("bridge")}: ${r}</span>
        </div>
        <div class="run">
          <span class="last-run">${t("last_analysis")}:
            <strong title=${o.timestamp?new Date(o.timestamp).toLocaleString(this._language):""}>${o.timestamp?this._ago(o.timestamp):t("never")}</strong>${u.length?` · ${u.join(" · ")}`:""}</span>
          <button class="run-analysis" ?disabled=${c} @click=${this._runAnalysis}>
            ${t(c?"running":"run_analysis")}
          </button>
        </div>
      </div>
    `}_ago(t){let s=(new Date(t).getTime()-Date.now())/1e3,n=new Intl.RelativeTimeFormat(this._language,{numeric:"auto"}),i=[["day",86400],["hour",3600],["minute",60]];for(let[r,o]of i)if(Math.abs(s)>=o)return n.format(Math.round(s/o),r);return n.format(Math.min(0,Math.round(s)),"second")}_emptyText(t){let s=this._status,n=s?.last_run??{};if(!n.status)return t("no_run");if(n.status==="failed")return t("failed",{error:n.error??""});let i=n.history_days;return i!==void 0&&s&&i<s.min_days?t("short_history",{days:Math.floor(i),min:s.min_days}):t("nothing_found",{events:n.events_analysed??0})}_renderSuggestions(t){if(this._suggestions===void 0)return l;if(!this._suggestions.length)return p`<p class="empty">${this._emptyText(t)}</p>`;let s=this._total-this._suggestions.length;return p`
      <ul class="suggestions">
        ${this._suggestions.map(n=>this._renderSuggestion(n,t))}
      </ul>
      ${s>0?p`<div class="more">${t("more",{n:s})}</div>`:l}
    `}_renderSuggestion(t,s){let n=`kind_${t.kind}`,i=s(n)===n?Xe(t.kind):s(n),r=this._busy.has(t.id),o=this._status?.decisions??["accept","dismiss"],c=`title-${t.id}`,u=t.ai_worded&&t.evidence_text&&t.evidence_text!==t.description?t.evidence_text:void 0,d=this._context,h=Qe(t,d);return p`
      <li class="suggestion" data-id=${t.id} data-kind=${t.kind}>
        <span class="kind">${i}</span>
        ${h.map(m=>p`<span class="badge presence">${m}</span>`)}
        <h3 id=${c}>${t.title}</h3>
        <p class="evidence">${t.description}${u?p`<br />${u}`:l}</p>
        ${Je(t.evidence??{},d)}
        ${t.automation?p`<details>
              <summary>${s("show_automation")}</summary>
              <pre>${We(t.automation)}</pre>
            </details>`:p`<p class="hint">${s("no_automation")}</p>`}
        <div class="actions">
          ${o.includes("snooze")?p`<button class="snooze" aria-describedby=${c} ?disabled=${r}
                @click=${()=>this._decide(t,"snooze")}>${s("snooze")}</button>`:l}
          <button class="dismiss" aria-describedby=${c} ?disabled=${r}
            @click=${()=>this._decide(t,"dismiss")}>${s("dismiss")}</button>
          ${t.automation?p`<button class="accept primary" aria-describedby=${c} ?disabled=${r}
                @click=${()=>this._decide(t,"accept")}>${s("accept")}</button>`:l}
        </div>
      </li>
    `}};W.styles=Ye,W.properties={hass:{attribute:!1},_config:{state:!0},_status:{state:!0},_suggestions:{state:!0},_total:{state:!0},_error:{state:!0},_running:{state:!0},_busy:{state:!0},_created:{state:!0}};function Ht(){if(customElements.get("ai-automation-card-editor")||customElements.define("ai-automation-card-editor",q),customElements.get(xe))return;customElements.define(xe,W);let a=V(Ke());window.customCards=window.customCards??[],window.customCards.push({type:xe,name:a("card_name"),description:a("card_description"),preview:!0,documentationURL:"https://github.com/ai-automation-team/ai_automation#dashboard-card"})}customElements.whenDefined("home-assistant").then(Ht);export{W as AiAutomationCard};
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
